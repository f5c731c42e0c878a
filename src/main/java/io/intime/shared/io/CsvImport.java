package io.intime.shared.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import jakarta.persistence.EntityManager;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps every CSV import shares. A preview reads the file, checks each row with the
 * facade's own rules ({@code checkCreate}) and saves nothing. An import does the same in
 * one transaction, creating each row through the facade: when any row fails, or the
 * database refuses anything up to the commit, the transaction rolls back and nothing is
 * saved.
 *
 * @param <U> who imports (the module's user type, passed through to its facade)
 * @param <T> what one row becomes: the arguments of the facade's create
 */
public abstract class CsvImport<U, T> {

	/**
	 * Rows created between two clears of the persistence context, which keeps flushes
	 * cheap.
	 */
	private static final int CLEAR_EVERY = 100;

	/** One row on its way in. */
	public static final class Draft<T> {

		public final CsvFile.Row row;

		public final Map<String, String> shown = new LinkedHashMap<>();

		public final List<FieldError> errors = new ArrayList<>();

		public final List<String> notes = new ArrayList<>();

		public T value;

		public Draft(CsvFile.Row row) {
			this.row = row;
			if (row.extraValues() > 0) {
				error("row", "has " + row.extraValues() + " more value" + (row.extraValues() == 1 ? "" : "s")
						+ " than the header has columns (a comma inside a value needs quotes)");
			}
			row.refused().forEach(this::error);
		}

		public void error(String column, String message) {
			errors.add(new FieldError(column, message));
		}

		public boolean hasError(String column) {
			return errors.stream().anyMatch(error -> error.field().equals(column));
		}

		public ImportRow toRow() {
			return new ImportRow(row.number(), shown, List.copyOf(errors), List.copyOf(notes));
		}

	}

	private final TransactionTemplate previewing;

	private final TransactionTemplate importing;

	private final EntityManager entityManager;

	protected CsvImport(PlatformTransactionManager transactions, EntityManager entityManager) {
		this.previewing = new TransactionTemplate(transactions);
		this.previewing.setReadOnly(true);
		this.importing = new TransactionTemplate(transactions);
		this.importing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.entityManager = entityManager;
	}

	/** The columns the import reads, in order. */
	protected abstract List<String> columns();

	protected abstract Set<String> requiredColumns();

	/** Columns an export writes that the import leaves aside. */
	protected abstract Set<String> exportOnlyColumns();

	/** The CSV column a facade's field error belongs to. */
	protected abstract String columnOf(String formField);

	/**
	 * Reads the rows: parses each value, resolves references (users, accounts), flags
	 * duplicates within the file. A draft's value stays null when the row cannot be
	 * checked by the facade at all.
	 */
	protected abstract List<Draft<T>> read(CsvFile file, U user);

	/** The facade's check: throws what its create would throw, saves nothing. */
	protected abstract void check(T value, U user);

	/** The facade's create. */
	protected abstract ImportResult.Created create(T value, U user);

	/** The column an access denial of the facade concerns. */
	protected abstract String deniedColumn(T value);

	public ImportPreview previewFile(byte[] content, U user) {
		return previewing.execute(status -> {
			// Checks that fail mark the transaction rollback-only; a preview never
			// commits anyway.
			status.setRollbackOnly();
			CsvFile file = CsvFile.read(content, columns(), requiredColumns(), exportOnlyColumns());
			if (!file.problems().isEmpty()) {
				return new ImportPreview(file.columns(), List.of(), file.problems(), file.notes());
			}
			List<Draft<T>> drafts = read(file, user);
			for (Draft<T> draft : drafts) {
				if (draft.value != null) {
					guard(draft, value -> {
						check(value, user);
						return null;
					});
				}
			}
			return previewOf(file, drafts, List.of());
		});
	}

	public ImportResult importFile(byte[] content, U user) {
		// What the rows were when the transaction ended, for the page when the commit
		// fails.
		AtomicReference<ImportPreview> attempted = new AtomicReference<>();
		try {
			return importing.execute(status -> {
				CsvFile file = CsvFile.read(content, columns(), requiredColumns(), exportOnlyColumns());
				if (!file.problems().isEmpty()) {
					status.setRollbackOnly();
					return new ImportResult(new ImportPreview(file.columns(), List.of(), file.problems(), file.notes()),
							List.of());
				}
				List<Draft<T>> drafts = read(file, user);
				List<ImportResult.Created> created = new ArrayList<>();
				List<String> problems = new ArrayList<>();
				int done = 0;
				for (Draft<T> draft : drafts) {
					if (draft.value == null) {
						continue;
					}
					try {
						if (draft.errors.isEmpty()) {
							ImportResult.Created record = guard(draft, value -> create(value, user));
							if (record != null) {
								created.add(record);
							}
						}
						else {
							guard(draft, value -> {
								check(value, user);
								return null;
							});
						}
					}
					catch (DataAccessException e) {
						problems.add("Row " + draft.row.number() + " could not be saved, so nothing was imported: "
								+ NestedExceptionUtils.getMostSpecificCause(e).getMessage());
						break;
					}
					if (++done % CLEAR_EVERY == 0) {
						entityManager.flush();
						entityManager.clear();
					}
				}
				ImportPreview preview = previewOf(file, drafts, problems);
				attempted.set(preview);
				if (!preview.importable()) {
					status.setRollbackOnly();
					return new ImportResult(preview, List.of());
				}
				return new ImportResult(preview, created);
			});
		}
		catch (TransactionException | DataAccessException e) {
			String problem = "The database refused the import when saving it ("
					+ NestedExceptionUtils.getMostSpecificCause(e).getMessage()
					+ "), so nothing was saved. Try again; if it happens again, tell an admin.";
			ImportPreview rows = attempted.get();
			if (rows == null) {
				return new ImportResult(new ImportPreview(List.of(), List.of(), List.of(problem), List.of()),
						List.of());
			}
			return new ImportResult(new ImportPreview(rows.columns(), rows.rows(), List.of(problem), rows.notes()),
					List.of());
		}
	}

	/** Runs a facade call for a row and turns what it refuses into the row's errors. */
	private <R> R guard(Draft<T> draft, Function<T, R> call) {
		try {
			return call.apply(draft.value);
		}
		catch (InvalidInputException e) {
			for (FieldError error : e.errors()) {
				String column = columnOf(error.field());
				if (!draft.hasError(column)) {
					draft.error(column, error.message());
				}
			}
		}
		catch (AccessDeniedException e) {
			draft.error(deniedColumn(draft.value), e.getMessage());
		}
		return null;
	}

	private static <T> ImportPreview previewOf(CsvFile file, List<Draft<T>> drafts, List<String> problems) {
		return new ImportPreview(file.columns(), drafts.stream().map(Draft::toRow).toList(), List.copyOf(problems),
				file.notes());
	}

}
