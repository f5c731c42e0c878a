package io.intime.identity.security;

import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.identity.AuditRecord;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.InvitationForm;
import io.intime.identity.Role;
import io.intime.identity.UserAdministration;
import io.intime.identity.UserAdministration.IssuedLink;
import io.intime.identity.UserAdministration.Purpose;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserFixtures;
import io.intime.identity.UserSummary;
import io.intime.shared.PageRequest;
import io.intime.shared.Today;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Matching the claims of an OpenID Connect sign-in to InTime's users on the real
 * database: by email without regard to case, enabled users only, the role mapping and the
 * creation of users, each audited. (The whole flow with a real provider and browser is
 * {@link OidcSignInBrowserTest}.)
 */
@IntegrationTest
class OidcSignInIntegrationTest {

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	AuditTrail audit;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Today time;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAdministration administration;

	@Test
	void signsInTheEnabledUserWithTheEmailWhateverItsCase() {
		UserSummary user = new UserFixtures(directory).user(Role.FINANCE, "Fay Finance");
		UserPrincipal principal = signIn(Map.of()).signIn(verified(user.email().toUpperCase()));
		assertThat(principal.currentUser().id()).isEqualTo(user.id());
		assertThat(principal.currentUser().role()).isEqualTo(Role.FINANCE);
		assertThat(principal.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FINANCE");
		assertThat(history(user)).anyMatch(entry -> entry.action().equals("SIGNED_IN")
				&& entry.detail().equals("with Test IdP (OpenID Connect) as " + user.email()));
	}

	@Test
	void matchesEntraClaimsWithoutAnEmailByPreferredUsername() {
		UserSummary user = new UserFixtures(directory).user(Role.RECRUITER);
		UserPrincipal principal = signIn(Map.of())
			.signIn(Map.of("sub", "entra-object-id", "preferred_username", user.email(), "name", "Someone"));
		assertThat(principal.currentUser().id()).isEqualTo(user.id());
	}

	@Test
	void refusesAnUnverifiedEmail() {
		UserSummary user = new UserFixtures(directory).user(Role.RECRUITER);
		assertThatThrownBy(() -> signIn(Map.of()).signIn(Map.of("email", user.email(), "email_verified", false)))
			.isInstanceOf(OidcSignInRefusedException.class)
			.hasMessageContaining("has not verified the email");
	}

	@Test
	void refusesAnUnknownEmailWithTheInvitationMessage() {
		assertThatThrownBy(() -> signIn(Map.of()).signIn(verified("nobody-" + UserFixtures.unique() + "@x.example")))
			.isInstanceOf(OidcSignInRefusedException.class)
			.hasMessageStartingWith("No active InTime user has the email nobody-")
			.hasMessageEndingWith("; ask your administrator for an invitation.");
	}

	@Test
	void anInvitedPersonWhoSignsInWithTheProviderAcceptsTheInvitation() {
		String email = "invitee-" + UserFixtures.unique() + "@firm.example";
		CurrentUser admin = UserFixtures.current(new UserFixtures(directory).user(Role.ADMIN));
		IssuedLink link = administration
			.invite(new InvitationForm("Ivy Invitee", email, Role.ACCOUNT_MANAGER, null, "UTC"), admin);
		String token = link.link().substring(link.link().lastIndexOf('/') + 1);
		assertThat(administration.check(Purpose.INVITATION, token).usable()).isTrue();

		UserPrincipal principal = signIn(Map.of()).signIn(verified(email));

		assertThat(principal.currentUser().id()).isEqualTo(link.user().id());
		assertThat(directory.find(link.user().id()).orElseThrow().enabled()).isTrue();
		assertThat(administration.check(Purpose.INVITATION, token).usable()).as("the link is spent").isFalse();
		assertThat(history(link.user()))
			.anyMatch(entry -> "invitation".equals(entry.field()) && "accepted with Test IdP".equals(entry.newValue()));
	}

	@Test
	void refusesADisabledUserAndAuditsIt() {
		UserSummary user = new UserFixtures(directory).user(Role.RECRUITER);
		transactions().executeWithoutResult(status -> {
			User entity = users.findById(user.id()).orElseThrow();
			entity.update(user.fullName(), user.email(), null, user.role(), user.timeZone(), false, "test", time.now());
		});
		assertThatThrownBy(() -> signIn(Map.of()).signIn(verified(user.email())))
			.isInstanceOf(OidcSignInRefusedException.class)
			.hasMessageStartingWith("No active InTime user has the email " + user.email());
		assertThat(history(user)).anyMatch(entry -> entry.action().equals("SIGN_IN_REFUSED"));
	}

	@Test
	void refusesAnEmailTwoEnabledUsersShare() {
		String shared = "shared-" + UserFixtures.unique() + "@x.example";
		directory.ensure("a-" + UserFixtures.unique(), "A", shared, null, Role.RECRUITER, "UTC", "long-password-1");
		directory.ensure("b-" + UserFixtures.unique(), "B", shared.toUpperCase(), null, Role.RECRUITER, "UTC",
				"long-password-1");
		assertThatThrownBy(() -> signIn(Map.of()).signIn(verified(shared)))
			.isInstanceOf(OidcSignInRefusedException.class)
			.hasMessageStartingWith("Several InTime users have the email " + shared);
	}

	@Test
	void setsTheRoleTheGroupsMapToAndAuditsTheChange() {
		UserSummary user = new UserFixtures(directory).user(Role.RECRUITER);
		OidcSignIn mapped = signIn(Map.of("intime-admins", Role.ADMIN, "intime-am", Role.ACCOUNT_MANAGER));
		UserPrincipal principal = mapped.signIn(withGroups(user.email(), List.of("intime-am")));
		assertThat(principal.currentUser().role()).isEqualTo(Role.ACCOUNT_MANAGER);
		assertThat(directory.find(user.id()).orElseThrow().role()).isEqualTo(Role.ACCOUNT_MANAGER);
		assertThat(history(user)).anyMatch(entry -> "role".equals(entry.field()) && "RECRUITER".equals(entry.oldValue())
				&& "ACCOUNT_MANAGER".equals(entry.newValue()));

		assertThatThrownBy(() -> mapped.signIn(withGroups(user.email(), List.of("staff"))))
			.isInstanceOf(OidcSignInRefusedException.class)
			.hasMessageContaining("None of your groups at Test IdP gives you a role in InTime");
		assertThat(directory.find(user.id()).orElseThrow().role()).isEqualTo(Role.ACCOUNT_MANAGER);
	}

	@Test
	void withoutAMappingTheRoleStaysAsTheAdminSetIt() {
		UserSummary user = new UserFixtures(directory).user(Role.LEGAL);
		UserPrincipal principal = signIn(Map.of()).signIn(withGroups(user.email(), List.of("intime-admins")));
		assertThat(principal.currentUser().role()).isEqualTo(Role.LEGAL);
	}

	@Test
	void createsAUserOnlyWhenAllowedAndTheGroupsMapToARole() {
		String email = "new-" + UserFixtures.unique() + "@firm.example";
		OidcSignIn creating = new OidcSignIn(users, audit, passwords, transactions(), time, new OidcProperties(
				"http://idp", "id", "secret", "Test IdP", "groups", Map.of("sales", Role.SALES_DIRECTOR), true), jdbc);
		assertThatThrownBy(() -> creating.signIn(withGroups(email, List.of("staff"))))
			.isInstanceOf(OidcSignInRefusedException.class)
			.hasMessageStartingWith("No active InTime user has the email " + email);
		UserPrincipal created = creating.signIn(withGroups(email, List.of("sales")));
		assertThat(created.currentUser().role()).isEqualTo(Role.SALES_DIRECTOR);
		assertThat(created.currentUser().username()).isEqualTo(email);
		assertThat(created.currentUser().fullName()).isEqualTo("New Person");
		UserSummary stored = directory.find(created.currentUser().id()).orElseThrow();
		assertThat(stored.email()).isEqualTo(email);
		assertThat(history(stored)).anyMatch(entry -> entry.action().equals("CREATE"))
			.anyMatch(entry -> entry.action().equals("SIGNED_IN"));
		// Not created again at the next sign-in.
		assertThat(creating.signIn(withGroups(email, List.of("sales"))).currentUser().id())
			.isEqualTo(created.currentUser().id());
	}

	private OidcSignIn signIn(Map<String, Role> mapping) {
		return new OidcSignIn(users, audit, passwords, transactions(), time,
				new OidcProperties("http://idp", "id", "secret", "Test IdP", "groups", mapping, false), jdbc);
	}

	private TransactionTemplate transactions() {
		return new TransactionTemplate(transactionManager);
	}

	private static Map<String, Object> verified(String email) {
		return Map.of("sub", "s-" + email, "email", email, "email_verified", true);
	}

	private static Map<String, Object> withGroups(String email, List<String> groups) {
		return Map.of("sub", "s-" + email, "email", email, "email_verified", true, "name", "New Person", "groups",
				groups);
	}

	private List<AuditRecord> history(UserSummary user) {
		return audit.history("user", user.id(), new PageRequest(0, 100)).items();
	}

}
