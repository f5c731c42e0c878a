package io.intime.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.intime.Browser;
import io.intime.InTimeApplication;
import io.intime.identity.security.Secrets;
import io.intime.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new installation as a firm meets it: started with no users and the demo off, it logs
 * one setup link; the link's page creates the firm and its first administrator, signs
 * them in, and is gone. The automated install's settings are checked on the same
 * application (one start for all).
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorIntegrationTest {

	private static final Pattern SETUP_LINK = Pattern.compile("(\\S+/setup\\?token=(\\S+))");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aStartWithNoUsersLogsOneSetupLinkThatCreatesTheFirstAdministratorOnce(CapturedOutput output,
			@TempDir Path folder) throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(InTimeApplication.class).run(
				"--server.port=0", "--intime.demo=false", "--intime.health.live=false",
				"--intime.embedded-db.ephemeral=true")) {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			List<String> lines = output.getOut().lines().filter(line -> line.contains("/setup?token=")).toList();
			assertThat(lines).hasSize(1);
			Matcher matcher = SETUP_LINK.matcher(lines.get(0));
			assertThat(matcher.find()).isTrue();
			String link = matcher.group(1);
			String token = matcher.group(2);
			assertThat(link).isEqualTo(base + "/setup?token=" + token);
			assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(32);
			assertThat(jdbc.sql("select token_hash from setup_token").query(String.class).single())
				.isEqualTo(Secrets.hash(token))
				.doesNotContain(token);

			assertThat(status(base + "/setup?token=" + token.substring(1) + "A")).isEqualTo(404);
			assertThat(status(base + "/setup")).isEqualTo(404);
			assertThat(status(link)).isEqualTo(200);

			FirstAdministrator first = app.getBean(FirstAdministrator.class);
			automatedInstallSettings(app, first, folder);

			try (Browser browser = new Browser(base)) {
				browser.open("/setup?token=" + token);
				browser.find("#firmName").sendKeys("Northwind Staffing");
				browser.find("#fullName").sendKeys("Ada Lovelace");
				browser.find("#email").sendKeys("Ada@Northwind.example");
				browser.find("#password").sendKeys("analytical-engine");
				browser.find("#confirmPassword").sendKeys("analytical-engine");
				browser.screenshot("setup-01-form");
				browser.find("#complete-setup").click();
				browser.waitUntil(d -> !browser.currentPath().equals("/setup"));
				// "/" is the accounts list.
				assertThat(browser.currentPath()).isEqualTo("/accounts");
				assertThat(browser.find(".me-text strong").getText()).isEqualTo("Ada Lovelace");
				browser.screenshot("setup-02-signed-in");
				assertThat(browser.cspViolations()).isEmpty();
			}

			assertThat(status(link)).isEqualTo(404);
			assertThat(jdbc.sql("select count(*) from setup_token").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select name from firm").query(String.class).single()).isEqualTo("Northwind Staffing");
			UserSummary admin = app.getBean(UserDirectory.class).findByUsername("ada@northwind.example").orElseThrow();
			assertThat(admin.role()).isEqualTo(Role.ADMIN);
			assertThat(admin.email()).isEqualTo("ada@northwind.example");
			assertThat(jdbc.sql("""
					select new_value from audit_entry where entity_type = 'user' and entity_id = :id
					  and action = 'CREATE' and field = 'firstAdministrator'""")
				.param("id", admin.id())
				.query(String.class)
				.list()).containsExactly("created by the setup page");
			// The email signs in, in any case.
			assertThat(status(base + "/api/v1/users", "ADA@northwind.example", "analytical-engine")).isEqualTo(200);
			assertThat(http
				.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
				.body()).contains("Northwind Staffing");

			// Users exist now: the settings create nobody.
			assertThat(first.createFromSettings(
					new FirstAdministrator.Settings("ops@northwind.example", "long-enough-password", null, null, null)))
				.isEmpty();
			assertThat(app.getBean(UserDirectory.class).all()).hasSize(1);

			theLastActiveAdministratorStays(app, admin);
		}
	}

	/**
	 * A password that breaks the policy names its setting; a password file works (in a
	 * transaction rolled back, so that the setup still finds no users).
	 */
	private static void automatedInstallSettings(ConfigurableApplicationContext app, FirstAdministrator first,
			Path folder) throws Exception {
		assertThatThrownBy(() -> first
			.createFromSettings(new FirstAdministrator.Settings("ops@northwind.example", "short", null, null, null)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("intime.admin.password (INTIME_ADMIN_PASSWORD)")
			.hasMessageContaining("at least 8 characters");
		assertThatThrownBy(() -> first.createFromSettings(new FirstAdministrator.Settings("ops@northwind.example", null,
				folder.resolve("missing").toString(), null, null)))
			.hasMessageContaining("INTIME_ADMIN_PASSWORD_FILE");

		Path passwordFile = Files.writeString(folder.resolve("admin-password"), "from-a-secret-file\n");
		new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).executeWithoutResult(transaction -> {
			Optional<UserSummary> created = first.createFromSettings(new FirstAdministrator.Settings(
					"Ops@Northwind.example", null, passwordFile.toString(), "Grace Hopper", "Northwind"));
			assertThat(created).hasValueSatisfying(admin -> {
				assertThat(admin.username()).isEqualTo("ops@northwind.example");
				assertThat(admin.fullName()).isEqualTo("Grace Hopper");
				assertThat(admin.role()).isEqualTo(Role.ADMIN);
			});
			String hash = app.getBean(JdbcClient.class)
				.sql("select password_hash from app_user where username = 'ops@northwind.example'")
				.query(String.class)
				.single();
			assertThat(app.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
				.matches("from-a-secret-file", hash)).isTrue();
			transaction.setRollbackOnly();
		});
		assertThat(app.getBean(UserDirectory.class).all()).isEmpty();
	}

	/**
	 * A second admin whose session still says admin after being demoted cannot demote or
	 * deactivate the one admin left.
	 */
	private static void theLastActiveAdministratorStays(ConfigurableApplicationContext app, UserSummary ada) {
		UserDirectory directory = app.getBean(UserDirectory.class);
		UserAdministration administration = app.getBean(UserAdministration.class);
		CurrentUser adaActing = UserFixtures.current(ada);
		UserSummary bob = directory.create(new UserForm("bob", "Bob Admin", "bob@northwind.example", null, Role.ADMIN,
				"UTC", true, "long-enough-password"), adaActing);
		directory.update(bob.id(),
				new UserForm("bob", "Bob Admin", "bob@northwind.example", null, Role.FINANCE, "UTC", true, ""),
				directory.versionOf(bob.id()), adaActing);
		CurrentUser staleBob = UserFixtures.current(bob);

		assertThatThrownBy(() -> administration.deactivate(ada.id(), staleBob))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.anySatisfy(error -> assertThat(error.message()).contains("last active administrator")));
		assertThatThrownBy(() -> directory.update(ada.id(),
				new UserForm(ada.username(), ada.fullName(), ada.email(), null, Role.FINANCE, "UTC", true, ""),
				directory.versionOf(ada.id()), staleBob))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).anySatisfy(error -> assertThat(error.field()).isEqualTo("role")));
		assertThat(directory.find(ada.id()).orElseThrow()).satisfies(admin -> {
			assertThat(admin.role()).isEqualTo(Role.ADMIN);
			assertThat(admin.enabled()).isTrue();
		});
	}

	private int status(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private int status(String url, String user, String password) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http
			.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
