package io.intime.identity.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcClaimsTest {

	@Test
	void readsTheEmailClaimLowerCased() {
		assertThat(new OidcClaims(Map.of("email", "Dana@Firm.Example", "email_verified", true)).email())
			.isEqualTo("dana@firm.example");
	}

	@Test
	void refusesAnEmailTheProviderHasNotVerified() {
		assertThatThrownBy(() -> new OidcClaims(Map.of("email", "dana@firm.example", "email_verified", false)).email())
			.isInstanceOf(OidcSignInRefusedException.class)
			.hasMessageContaining("not verified the email dana@firm.example");
		// Some providers send the flag as a string.
		assertThatThrownBy(
				() -> new OidcClaims(Map.of("email", "dana@firm.example", "email_verified", "false")).email())
			.isInstanceOf(OidcSignInRefusedException.class);
	}

	@Test
	void takesEntrasPreferredUsernameOrUpnWhenThereIsNoEmailClaim() {
		assertThat(new OidcClaims(
				Map.of("preferred_username", "Dana.Whitfield@firm.onmicrosoft.com", "upn", "other@firm.example"))
			.email()).isEqualTo("dana.whitfield@firm.onmicrosoft.com");
		assertThat(new OidcClaims(Map.of("preferred_username", "dana", "upn", "Dana@Firm.example")).email())
			.isEqualTo("dana@firm.example");
	}

	@Test
	void refusesClaimsWithoutAnyAddress() {
		assertThatThrownBy(() -> new OidcClaims(Map.of("sub", "123", "preferred_username", "dana")).email())
			.isInstanceOf(OidcSignInRefusedException.class)
			.hasMessageContaining("did not tell InTime your email address");
	}

	@Test
	void readsGroupsAsAListOrASingleValue() {
		assertThat(new OidcClaims(Map.of("groups", List.of("a", "b"))).groups("groups")).containsExactly("a", "b");
		assertThat(new OidcClaims(Map.of("roles", "intime-admins")).groups("roles")).containsExactly("intime-admins");
		assertThat(new OidcClaims(Map.of()).groups("groups")).isEmpty();
	}

	@Test
	void mapsGroupsToTheMostPowerfulRoleIgnoringCaseAndKeycloakPaths() {
		Map<String, Role> mapping = Map.of("intime-users", Role.ACCOUNT_MANAGER, "intime-admins", Role.ADMIN, "finance",
				Role.FINANCE);
		assertThat(OidcClaims.roleFor(Set.of("intime-users", "/Intime-Admins"), mapping)).contains(Role.ADMIN);
		assertThat(OidcClaims.roleFor(Set.of("finance", "intime-users"), mapping)).contains(Role.ACCOUNT_MANAGER);
		assertThat(OidcClaims.roleFor(Set.of("staff"), mapping)).isEmpty();
		assertThat(OidcClaims.ROLE_PRECEDENCE).containsExactlyInAnyOrder(Role.values());
	}

	@Test
	void namesThePersonFromNameOrGivenAndFamilyName() {
		assertThat(new OidcClaims(Map.of("name", "Dana Whitfield")).fullName("d@x.example"))
			.isEqualTo("Dana Whitfield");
		assertThat(new OidcClaims(Map.of("given_name", "Dana", "family_name", "Whitfield")).fullName("d@x.example"))
			.isEqualTo("Dana Whitfield");
		assertThat(new OidcClaims(Map.of()).fullName("dana@x.example")).isEqualTo("dana");
	}

	@Test
	void takesAKnownZoneinfoElseUtc() {
		assertThat(new OidcClaims(Map.of("zoneinfo", "Europe/Paris")).timeZone()).isEqualTo("Europe/Paris");
		assertThat(new OidcClaims(Map.of("zoneinfo", "Mars/Olympus")).timeZone()).isEqualTo("UTC");
	}

	@Test
	void refusesToStartWithPasswordsOffAndNoIdentityProvider() {
		assertThatThrownBy(() -> SecurityConfiguration.requireSomeSignIn(false, false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("intime.security.password-login=false")
			.hasMessageContaining("intime.oidc.issuer-uri");
		SecurityConfiguration.requireSomeSignIn(false, true);
		SecurityConfiguration.requireSomeSignIn(true, false);
	}

}
