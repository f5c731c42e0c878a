package io.intime.accounts.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.intime.accounts.ContactView;
import io.intime.accounts.ContractView;
import io.intime.identity.AuditRecord;
import io.intime.identity.UserSummary;
import io.intime.shared.web.PageFormat;

/**
 * The History tab: audit entries of an account, its contacts and its contracts, newest
 * first, with the entries one save wrote (one per field) shown together as one item (the
 * audit trail pages by save).
 */
final class AccountHistory {

	private static final Set<String> PEOPLE_FIELDS = Set.of("ownerId", "executiveSponsorId");

	record Item(String actor, String initials, String when, String ago, String verb, String subject, String entityType,
			List<Change> changes, String detail) {
	}

	record Change(String field, String oldValue, String newValue) {
	}

	private AccountHistory() {
	}

	/**
	 * The user ids an entry page mentions (actors, owners, sponsors), to look up in one
	 * query.
	 */
	static Set<Long> peopleIn(List<AuditRecord> records) {
		Set<Long> ids = new HashSet<>();
		for (AuditRecord record : records) {
			if (record.actorId() != null) {
				ids.add(record.actorId());
			}
			if (PEOPLE_FIELDS.contains(record.field())) {
				addId(ids, record.oldValue());
				addId(ids, record.newValue());
			}
		}
		return ids;
	}

	/** One item per save, in the order given (newest first). */
	static List<Item> of(List<List<AuditRecord>> saves, List<ContactView> contacts, List<ContractView> contracts,
			Map<Long, UserSummary> people, ZoneId zone, PageFormat format) {
		return saves.stream().map(save -> item(save, contacts, contracts, people, zone, format)).toList();
	}

	private static Item item(List<AuditRecord> group, List<ContactView> contacts, List<ContractView> contracts,
			Map<Long, UserSummary> people, ZoneId zone, PageFormat format) {
		AuditRecord first = group.get(0);
		UserSummary actor = first.actorId() == null ? null : people.get(first.actorId());
		String actorName = actor != null ? actor.fullName() : first.actorName() == null ? "System" : first.actorName();
		String verb = switch (first.action()) {
			case "CREATE" -> "created";
			case "DELETE" -> "deleted";
			default -> "changed";
		};
		List<Change> changes = new ArrayList<>();
		// Oldest field first reads in the order the form has them.
		for (int i = group.size() - 1; i >= 0; i--) {
			AuditRecord record = group.get(i);
			if (record.field() == null || "accountId".equals(record.field())) {
				continue;
			}
			changes
				.add(new Change(format.field(record.field()), value(record.field(), record.oldValue(), people, format),
						value(record.field(), record.newValue(), people, format)));
		}
		return new Item(actorName, format.initials(actorName), format.dateTime(first.occurredAt(), zone),
				format.ago(first.occurredAt(), zone), verb, subject(first, contacts, contracts), first.entityType(),
				changes, first.detail());
	}

	private static String subject(AuditRecord record, List<ContactView> contacts, List<ContractView> contracts) {
		return switch (record.entityType()) {
			case "contact" -> "contact " + contacts.stream()
				.filter(c -> Objects.equals(c.id(), record.entityId()))
				.map(ContactView::name)
				.findFirst()
				.orElse("#" + record.entityId());
			case "contract" -> "contract " + (contracts == null ? "#" + record.entityId()
					: contracts.stream()
						.filter(c -> Objects.equals(c.id(), record.entityId()))
						.map(ContractView::number)
						.findFirst()
						.orElse("#" + record.entityId()));
			default -> "the account";
		};
	}

	/**
	 * Fields whose capitals are a code (a currency, MSA, SOW), not a constant to spell
	 * out.
	 */
	private static final Set<String> CODE_FIELDS = Set.of("billingCurrency", "currency", "type");

	/**
	 * "name amount" followed by ", " or the end: a name may hold commas, not an amount.
	 */
	private static final java.util.regex.Pattern SERVICE_LINE = java.util.regex.Pattern
		.compile("(.+?) (-?\\d+(?:\\.\\d+)?)(?:, |$)");

	private static final Set<String> NUMBER_FIELDS = Set.of("arr", "employeeCount");

	/** A value as a person reads it: names, dates, grouped numbers, words. */
	static String value(String field, String value, Map<Long, UserSummary> people, PageFormat format) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (PEOPLE_FIELDS.contains(field)) {
			Long id = AccountListing.id(value);
			UserSummary person = id == null ? null : people.get(id);
			return person == null ? "user #" + value : person.fullName();
		}
		if ("true".equals(value) || "false".equals(value)) {
			return "true".equals(value) ? "Yes" : "No";
		}
		if (CODE_FIELDS.contains(field)) {
			return value;
		}
		if (NUMBER_FIELDS.contains(field)) {
			return number(value, format);
		}
		if ("serviceLines".equals(field)) {
			return serviceLines(value, format);
		}
		if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
			try {
				return format.date(java.time.LocalDate.parse(value));
			}
			catch (java.time.format.DateTimeParseException e) {
				return value;
			}
		}
		if (value.matches("[A-Z][A-Z0-9_]+")) {
			return format.label(value);
		}
		return value;
	}

	private static String number(String value, PageFormat format) {
		try {
			return format.number(new java.math.BigDecimal(value));
		}
		catch (NumberFormatException e) {
			return value;
		}
	}

	/**
	 * The audit keeps service lines as {@code [Software Engineer search 42000.00, …]}:
	 * each becomes "Software Engineer search: 42,000", one per line of the list.
	 */
	private static String serviceLines(String value, PageFormat format) {
		String list = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
		if (list.isBlank()) {
			return "none";
		}
		List<String> lines = new ArrayList<>();
		java.util.regex.Matcher line = SERVICE_LINE.matcher(list);
		int end = 0;
		while (line.find() && line.start() == end) {
			lines.add(line.group(1) + ": " + number(line.group(2), format));
			end = line.end();
		}
		if (end < list.length()) {
			return list; // not the shape written above: shown as stored
		}
		return String.join("; ", lines);
	}

	private static void addId(Set<Long> ids, String value) {
		Long id = AccountListing.id(value);
		if (id != null) {
			ids.add(id);
		}
	}

}
