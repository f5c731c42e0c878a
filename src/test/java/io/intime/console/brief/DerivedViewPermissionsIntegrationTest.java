package io.intime.console.brief;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.intime.DemoWorldTest;
import io.intime.console.AccountManagerConsole;
import io.intime.console.ConsoleView;
import io.intime.health.UrgentAlerts;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Derived views show a module's records only to whom may see them: TechCorp's call brief
 * gives its account manager the payment history and a recruiter of its team no invoice
 * (nor a talking point made of one), and a recruiter off the team nothing; another
 * account manager's console lists no urgent alert and no client activity of Jordan
 * Reyes's accounts.
 */
@DemoWorldTest
class DerivedViewPermissionsIntegrationTest {

	@Autowired
	CallBriefs briefs;

	@Autowired
	AccountManagerConsole console;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCallBriefShowsInvoicesOnlyToThoseWhoMaySeeThem() {
		long techCorp = jdbc.sql("select id from account where name = 'TechCorp'").query(Long.class).single();
		CallBriefs.Brief mine = briefs.of(techCorp, "Payment", user("am"));
		assertThat(mine.invoices()).isNotEmpty();
		assertThat(mine.payment()).isNotNull();

		String onTeam = jdbc.sql("""
				select u.username from account_team_member t join app_user u on u.id = t.user_id
				 where t.account_id = :a and u.role = 'RECRUITER' limit 1""")
			.param("a", techCorp)
			.query(String.class)
			.single();
		CallBriefs.Brief recruiters = briefs.of(techCorp, "Payment", user(onTeam));
		assertThat(recruiters.invoices()).isNull();
		assertThat(recruiters.payment()).isNull();
		assertThat(recruiters.talkingPoints()).noneMatch(p -> p.toString().toLowerCase().contains("invoice"));

		String offTeam = jdbc.sql("""
				select u.username from app_user u where u.role = 'RECRUITER'
				   and not exists (select 1 from account_team_member t where t.account_id = :a and t.user_id = u.id)
				 limit 1""").param("a", techCorp).query(String.class).single();
		assertThatThrownBy(() -> briefs.of(techCorp, "Payment", user(offTeam)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anotherAccountManagersConsoleHoldsNothingOfJordansAccounts() {
		CurrentUser am = user("am");
		CurrentUser other = user("sarah.chen");
		Set<Long> jordans = Set.copyOf(
				jdbc.sql("select id from account where owner_id = :o").param("o", am.id()).query(Long.class).list());
		ConsoleView mine = console.of(am);
		assertThat(mine.urgentAlerts()).isNotEmpty().allMatch(a -> jordans.contains(a.accountId()));
		ConsoleView theirs = console.of(other);
		List<UrgentAlerts.Urgent> alerts = theirs.urgentAlerts();
		assertThat(alerts).noneMatch(a -> jordans.contains(a.accountId()));
		assertThat(theirs.activity()).noneMatch(f -> jordans.contains(f.accountId()));
		assertThat(theirs.meetings()).isNotNull();
	}

	private CurrentUser user(String username) {
		UserSummary u = users.findByUsername(username).orElseThrow();
		return new CurrentUser(u.id(), u.username(), u.fullName(), u.role(), ZoneId.of(u.timeZone()));
	}

}
