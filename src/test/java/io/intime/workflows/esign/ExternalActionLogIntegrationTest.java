package io.intime.workflows.esign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactView;
import io.intime.identity.Role;
import io.intime.workflows.files.TestRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The log of external actions on real PostgreSQL: rows chained by their hashes, the
 * trigger that refuses changes, and a change made past the trigger (as a superuser could)
 * found by {@link ExternalActionLog#verify()}. Tampering happens in transactions that are
 * rolled back, so that the shared database keeps a whole chain.
 */
@IntegrationTest
class ExternalActionLogIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ExternalActionLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	AccountDetails account;

	ContactView contact;

	long run;

	long step;

	@BeforeEach
	void setUp() {
		AccountFixtures fixtures = new AccountFixtures(context);
		account = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER));
		contact = fixtures.contact(account);
		run = TestRuns.run(jdbc, account.id());
		step = TestRuns.step(jdbc, run, "sign", 1);
	}

	List<ExternalAction> threeActions() {
		String person = contact.name() + " <" + contact.email() + ">";
		String agent = "Mozilla/5.0 (X11; Linux x86_64) | Chrome/126.0";
		Map<String, Object> signed = new LinkedHashMap<>();
		signed.put("typedName", "Dana Whitfield");
		signed.put("documentSha256", "ab".repeat(32));
		signed.put("amount", new BigDecimal("2400.50"));
		signed.put("pages", 3);
		signed.put("signers", List.of("Dana", "Lee"));
		signed.put("nested", Map.of("z", true, "a", "Ünïcödé ✓"));
		return List.of(log.append(run, step, contact.id(), person, "OPENED", "203.0.113.24", agent, null),
				log.append(run, step, contact.id(), person, "CONSENTED", "203.0.113.24", agent,
						Map.of("text", "I agree")),
				log.append(run, step, contact.id(), person, "SIGNED", "203.0.113.24", agent, signed));
	}

	@Test
	void appendedActionsAreChainedAndTheChainVerifies() {
		List<ExternalAction> appended = threeActions();

		assertThat(appended.get(1).prevHash()).isEqualTo(appended.get(0).hash());
		assertThat(appended.get(2).prevHash()).isEqualTo(appended.get(1).hash());
		assertThat(appended).extracting(ExternalAction::hash)
			.doesNotHaveDuplicates()
			.allMatch(h -> h.matches("[0-9a-f]{64}"));
		List<ExternalAction> read = log.ofRun(run);
		assertThat(read).extracting(ExternalAction::action).containsExactly("OPENED", "CONSENTED", "SIGNED");
		assertThat(read).usingRecursiveFieldByFieldElementComparatorIgnoringFields("detail").isEqualTo(appended);
		assertThat(read.get(0).detail()).isEmpty();
		assertThat(read.get(2).detail()).containsEntry("typedName", "Dana Whitfield")
			.containsEntry("pages", 3)
			.containsEntry("signers", List.of("Dana", "Lee"))
			.containsEntry("nested", Map.of("a", "Ünïcödé ✓", "z", true));
		assertThat((BigDecimal) read.get(2).detail().get("amount")).isEqualByComparingTo("2400.5");
		assertThat(read.get(2).at()).isEqualTo(appended.get(2).at());

		ExternalActionLog.Verification verification = log.verify();
		assertThat(verification.ok()).isTrue();
		assertThat(verification.firstBrokenId()).isNull();
		assertThat(verification.rowsChecked()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void theTableRefusesUpdatesAndDeletes() {
		ExternalAction action = log.append(run, step, contact.id(), "Lee", "OPENED", null, null, null);
		assertThatThrownBy(() -> jdbc.sql("update workflow_external_action set person = 'Mallory' where id = ?")
			.param(action.id())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(
				() -> jdbc.sql("delete from workflow_external_action where id = ?").param(action.id()).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThat(log.ofRun(run)).containsExactly(action);
	}

	@Test
	void aRowChangedPastTheTriggerBreaksTheChainThere() {
		List<ExternalAction> appended = threeActions();
		ExternalAction middle = appended.get(1);

		Long broken = tamperedAndRolledBack(
				() -> jdbc.sql("update workflow_external_action set user_agent = 'curl/8.0' where id = ?")
					.param(middle.id())
					.update());
		assertThat(broken).isEqualTo(middle.id());

		Long detailChanged = tamperedAndRolledBack(() -> jdbc.sql("""
				update workflow_external_action set detail = jsonb_set(detail, '{amount}', '24000.5') where id = ?""")
			.param(appended.get(2).id())
			.update());
		assertThat(detailChanged).isEqualTo(appended.get(2).id());

		// a careful forger recomputes the changed row's own hash: the next row still
		// names the old one
		Long rehashed = tamperedAndRolledBack(() -> {
			String forged = ExternalActionLog.hash(middle.prevHash(), middle.runId(), middle.stepId(),
					middle.contactId(), "Someone Else", middle.action(), middle.at(), middle.ip(), middle.userAgent(),
					CanonicalJson.of(middle.detail()));
			return jdbc.sql("update workflow_external_action set person = 'Someone Else', hash = ? where id = ?")
				.params(forged, middle.id())
				.update();
		});
		assertThat(rehashed).isEqualTo(appended.get(2).id());

		Long removed = tamperedAndRolledBack(
				() -> jdbc.sql("delete from workflow_external_action where id = ?").param(middle.id()).update());
		assertThat(removed).isEqualTo(appended.get(2).id());

		assertThat(log.verify().ok()).as("every change was rolled back").isTrue();
	}

	@Test
	void appendsFromSeveralThreadsFormOneChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<ExternalAction>> appends = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				int n = i;
				appends.add(() -> log.append(run, step, contact.id(), "Person " + n, "OPENED", "198.51.100." + n,
						"agent", Map.of("n", n)));
			}
			for (Future<ExternalAction> done : pool.invokeAll(appends)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		List<ExternalAction> actions = log.ofRun(run);
		assertThat(actions).hasSize(40);
		for (int i = 1; i < actions.size(); i++) {
			assertThat(actions.get(i).prevHash()).isEqualTo(actions.get(i - 1).hash());
		}
		assertThat(log.verify().ok()).isTrue();
	}

	/**
	 * Disables the trigger, makes the change and verifies, in one transaction rolled back
	 * at the end; the first broken row's id.
	 */
	private Long tamperedAndRolledBack(Callable<Integer> change) {
		return new TransactionTemplate(transactions).execute(status -> {
			try {
				jdbc.sql("alter table workflow_external_action disable trigger workflow_external_action_no_update")
					.update();
				assertThat(change.call()).isEqualTo(1);
				ExternalActionLog.Verification verification = log.verify();
				assertThat(verification.ok()).isFalse();
				return verification.firstBrokenId();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

}
