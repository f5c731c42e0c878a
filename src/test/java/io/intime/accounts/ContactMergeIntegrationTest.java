package io.intime.accounts;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.NpsForm;
import io.intime.engagement.NpsManagement;
import io.intime.engagement.SurveyType;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Merging duplicate contacts on real PostgreSQL: every record that named the duplicate
 * (an NPS response, activities' contact lists, a task, notifications) names the kept
 * contact, a notification the kept contact already had is not doubled, the kept contact
 * gains what it lacked (even the duplicate's email, once the duplicate is gone), the
 * duplicate is deleted, both are audited and one event is logged; permissions.
 */
@IntegrationTest
class ContactMergeIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContactManagement contacts;

	@Autowired
	ActivityManagement activities;

	@Autowired
	NpsManagement nps;

	@Autowired
	TaskManagement tasks;

	AccountFixtures fixtures;

	CurrentUser am;

	AccountDetails account;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		account = fixtures.account(am);
	}

	private ContactView contact(String name, String title, String email, String phone) {
		return contacts.create(account.id(),
				new ContactForm(name, title, email, phone, null, StakeholderRole.OTHER, Influence.MEDIUM, true), am);
	}

	@Test
	void everyRecordOfTheDuplicateMovesToTheKeptContactWhichGainsWhatItLacked() {
		ContactView jane = contact("Jane Doe", null, "jane@" + account.key().toLowerCase() + ".example", null);
		ContactView twin = contact("jane  DOE", "VP Engineering", null, "+1 512 555 0100");
		ContactView other = contact("John Roe", "CFO", null, "+1 512 555 0100");
		var both = activities.create(account.id(), call(List.of(jane.id(), twin.id())), am);
		var twinsOnly = activities.create(account.id(), call(List.of(other.id(), twin.id())), am);
		var answer = nps.create(account.id(),
				new NpsForm(twin.id(), 9, "Great team", TestClock.today(), SurveyType.RELATIONSHIP), am);
		var task = tasks.create(new TaskForm("Send Jane the SOW", null, null, account.id(), "contact", twin.id(),
				TestClock.today().plusDays(2), null, null, TaskPriority.NORMAL, null), am);
		notification(jane.id(), "left");
		notification(twin.id(), "left");
		notification(twin.id(), "joined");

		List<ContactMerge> merges = contacts.mergeDuplicates(account.id(), am);

		assertThat(merges).hasSize(1);
		ContactMerge merge = merges.get(0);
		assertThat(merge.keptId()).isEqualTo(jane.id());
		assertThat(merge.mergedId()).isEqualTo(twin.id());
		assertThat(merge.reason()).isEqualTo("same name");
		assertThat(merge.filled()).containsExactlyInAnyOrder("title", "phone");
		assertThat(merge.moved()).containsEntry("nps_response.contact_id", 1)
			.containsEntry("activity.contact_ids", 2)
			.containsEntry("task.record_id", 1)
			.containsEntry("notification.record_id", 1);
		assertThat(merge.dropped()).isEqualTo(1);

		assertThat(jdbc.sql("select count(*) from contact where id = ?").param(twin.id()).query(Integer.class).single())
			.isZero();
		ContactView kept = contacts.get(jane.id(), am);
		assertThat(kept.title()).isEqualTo("VP Engineering");
		assertThat(kept.phone()).isEqualTo("+1 512 555 0100");
		assertThat(kept.email()).isEqualTo(jane.email());
		// the kept contact once in a list that named both, in the duplicate's place else
		assertThat(activities.get(both.id(), am).contactIds()).containsExactly(jane.id());
		assertThat(activities.get(twinsOnly.id(), am).contactIds()).containsExactly(other.id(), jane.id());
		assertThat(activities.get(twinsOnly.id(), am).stamp().version()).isEqualTo(twinsOnly.stamp().version() + 1);
		assertThat(nps.get(answer.id(), am).contactId()).isEqualTo(jane.id());
		assertThat(tasks.get(task.id(), am).recordId()).isEqualTo(jane.id());
		assertThat(jdbc
			.sql("select occasion from notification where record_type = 'contact' and record_id = ?"
					+ " order by occasion")
			.param(jane.id())
			.query(String.class)
			.list()).containsExactly("joined", "left");

		assertThat(jdbc
			.sql("select action from audit_entry where entity_type = 'contact' and entity_id = ?"
					+ " and action = 'DELETE'")
			.param(twin.id())
			.query(String.class)
			.list()).hasSize(1);
		assertThat(jdbc
			.sql("select new_value from audit_entry where entity_type = 'contact' and entity_id = ?"
					+ " and field = 'mergedContact'")
			.param(jane.id())
			.query(String.class)
			.single()).isEqualTo("jane  DOE (#" + twin.id() + ", same name)");
		Map<String, Object> event = jdbc
			.sql("select payload::text as payload, count(*) over () as n from domain_event"
					+ " where type = 'contact.merged' and account_id = ?")
			.param(account.id())
			.query()
			.singleRow();
		assertThat(((Number) event.get("n")).intValue()).isEqualTo(1);
		assertThat(event.get("payload").toString()).contains("\"merged_contact_id\": " + twin.id());

		// nothing left to merge: a second cleanup changes nothing
		assertThat(contacts.mergeDuplicates(account.id(), am)).isEmpty();
	}

	@Test
	void theKeptContactTakesTheDuplicatesEmailOnceTheDuplicateIsGone() {
		ContactView sam = contact("Sam Lee", null, null, "512 555 0177");
		ContactView again = contact("Sam Lee", "Hiring Manager", "sam@" + account.key().toLowerCase() + ".example",
				"(512) 555-0177");
		ContactMerge merge = contacts.mergeDuplicates(account.id(), am).get(0);
		assertThat(merge.reason()).isEqualTo("same name and phone");
		assertThat(contacts.get(sam.id(), am).email()).isEqualTo(again.email());
	}

	@Test
	void anEmailInAnotherCaseWrittenAroundTheFormsIsFound() {
		ContactView pat = contact("Pat Kim", "COO", "pat@" + account.key().toLowerCase() + ".example", null);
		long legacy = jdbc.sql("""
				insert into contact (account_id, name, email, stakeholder_role, influence, created_at, updated_at)
				values (?, 'P. Kim', ?, 'OTHER', 'LOW', ?, ?) returning id""")
			.params(account.id(), " " + pat.email().toUpperCase() + " ", Timestamp.from(TestClock.now()),
					Timestamp.from(TestClock.now()))
			.query(Long.class)
			.single();
		ContactMerge merge = contacts.mergeDuplicates(account.id(), am).get(0);
		assertThat(merge.keptId()).isEqualTo(pat.id());
		assertThat(merge.mergedId()).isEqualTo(legacy);
		assertThat(merge.reason()).isEqualTo("same email");
	}

	@Test
	void onlyThoseWhoEditTheContactsMergeThem() {
		ContactView a = contact("Lee Park", null, null, "512 555 0150");
		ContactView b = contact("Lee Park", null, null, "512 555 0150");
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		fixtures.onTeam(account, recruiter);
		assertThatThrownBy(() -> contacts.mergeDuplicates(account.id(), recruiter))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> contacts.merge(a.id(), b.id(), null, fixtures.user(Role.FINANCE)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> contacts.merge(a.id(), a.id(), null, am)).isInstanceOf(InvalidInputException.class);
		ContactView elsewhere = contacts.create(fixtures.account(am).id(),
				AccountFixtures.contactForm("Lee Park", null), am);
		assertThatThrownBy(() -> contacts.merge(a.id(), elsewhere.id(), null, am))
			.isInstanceOf(InvalidInputException.class);
		assertThat(contacts.merge(a.id(), b.id(), null, am).reason()).isEqualTo("merged by hand");
	}

	private ActivityForm call(List<Long> contactIds) {
		return new ActivityForm(ActivityType.CALL, ActivityDirection.OUTBOUND, "Call " + AccountFixtures.unique("s"),
				null, TestClock.now().minusSeconds(3600), 30, null, null, List.of(), contactIds, List.of(am.id()));
	}

	private void notification(long contactId, String occasion) {
		jdbc.sql("""
				insert into notification (recipient_id, kind, severity, account_id, record_type, record_id, occasion,
				  title, body, actor, created_at)
				values (?, 'health.key-contact', 'NORMAL', ?, 'contact', ?, ?, 'Key contact', '', 'system', ?)""")
			.params(am.id(), account.id(), contactId, occasion, Timestamp.from(TestClock.now()))
			.update();
	}

}
