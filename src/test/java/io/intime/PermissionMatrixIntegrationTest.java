package io.intime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every cell of the permissions table ({@code src/test/resources/permissions.csv}: record
 * type × action × role → allowed) checked against the REST API and, where a page does the
 * same, the pages: an allowed request succeeds, a denied one is a 403 written to the
 * audit trail. One shared context; the account, its users and its records are made once
 * for all cells, and a record that a cell changes or removes is made fresh for that cell.
 */
@IntegrationTest
class PermissionMatrixIntegrationTest {

	/** The roles of the table's columns. */
	enum Who {

		EXECUTIVE(Role.EXECUTIVE), AM_ASSIGNED(Role.ACCOUNT_MANAGER), AM_OTHER(Role.ACCOUNT_MANAGER),
		SALES_DIRECTOR(Role.SALES_DIRECTOR), RECRUITING_MANAGER(Role.RECRUITING_MANAGER), RECRUITER(Role.RECRUITER),
		FINANCE(Role.FINANCE), ADMIN(Role.ADMIN);

		final Role role;

		Who(Role role) {
			this.role = role;
		}

	}

	/** The shared fixture: made by the first cell, used by all. */
	private static World world;

	/**
	 * Why the fixture could not be made, so that the other cells fail at once instead of
	 * trying again.
	 */
	private static RuntimeException broken;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		try (var in = new BufferedReader(
				new InputStreamReader(PermissionMatrixIntegrationTest.class.getResourceAsStream("/permissions.csv"),
						StandardCharsets.UTF_8))) {
			String[] header = null;
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split(",");
				if (header == null) {
					header = fields;
					continue;
				}
				for (int i = 2; i < fields.length; i++) {
					cells.add(Arguments.of(fields[0], fields[1], Who.valueOf(header[i]), fields[i].equals("Y")));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return cells.stream();
	}

	@BeforeEach
	void world() {
		synchronized (PermissionMatrixIntegrationTest.class) {
			if (broken != null) {
				throw broken;
			}
			if (world == null) {
				try {
					world = new World();
				}
				catch (RuntimeException | AssertionError e) {
					broken = new IllegalStateException("The table's fixture could not be made", e);
					throw broken;
				}
			}
		}
	}

	@ParameterizedTest(name = "{0} {1} as {2}: {3}")
	@MethodSource("cells")
	void everyCellHoldsInTheApiAndThePages(String record, String action, Who who, boolean allowed) {
		CurrentUser user = world.users.get(who);
		Request api = world.api(record, action);
		MvcTestResult result = api.send(mvc, user);
		int status = result.getResponse().getStatus();
		if (api.noRoute()) {
			assertThat(status).as("no %s %s route for anybody", record, action).isEqualTo(405);
			return;
		}
		if (allowed) {
			assertThat(status).as("API %s %s as %s", api.method(), api.uri(), who).isBetween(200, 299);
			if (api.mustList() != null) {
				assertThat(text(result)).as("%s lists the record", api.uri()).contains(api.mustList());
			}
		}
		else if (api.mustList() != null && status == 200) {
			assertThat(text(result)).as("%s does not list the record to %s", api.uri(), who)
				.doesNotContain(api.mustList());
		}
		else {
			assertDenied(result, api, user, who);
		}

		Request page = world.page(record, action);
		if (page == null) {
			return;
		}
		MvcTestResult shown = page.send(mvc, user);
		int pageStatus = shown.getResponse().getStatus();
		if (allowed) {
			assertThat(pageStatus).as("page %s %s as %s", page.method(), page.uri(), who).isBetween(200, 399);
			if (page.mustList() != null) {
				assertThat(text(shown)).as("%s shows the record", page.uri()).contains(page.mustList());
			}
		}
		else if (page.mustList() != null && pageStatus == 200) {
			assertThat(text(shown)).as("%s does not show the record to %s", page.uri(), who)
				.doesNotContain(page.mustList());
		}
		else {
			assertDenied(shown, page, user, who);
		}
	}

	private void assertDenied(MvcTestResult result, Request request, CurrentUser user, Who who) {
		assertThat(result.getResponse().getStatus()).as("%s %s as %s", request.method(), request.uri(), who)
			.isEqualTo(HttpStatus.FORBIDDEN.value());
		String path = request.uri().contains("?") ? request.uri().substring(0, request.uri().indexOf('?'))
				: request.uri();
		assertThat(jdbc.sql("""
				select count(*) from audit_entry where action = 'DENIED' and actor_id = :actor and detail like :what""")
			.param("actor", user.id())
			.param("what", request.method() + " " + path + "%")
			.query(Long.class)
			.single()).as("the denial of %s %s is in the audit trail", request.method(), path).isPositive();
	}

	private static String text(MvcTestResult result) {
		try {
			String content = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			String type = result.getResponse().getContentType();
			return type != null && type.startsWith(MediaType.TEXT_HTML_VALUE) ? Jsoup.parse(content).body().html()
					: content;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * One request of a cell: a method, a URI, a JSON body or none; for lists, what the
	 * list must hold.
	 */
	record Request(String method, String uri, String body, String mustList, boolean page) {

		static Request get(String uri) {
			return new Request("GET", uri, null, null, false);
		}

		static Request list(String uri, String mustList) {
			return new Request("GET", uri, null, mustList, false);
		}

		boolean noRoute() {
			return method.equals("NONE");
		}

		MvcTestResult send(MockMvcTester mvc, CurrentUser user) {
			var request = switch (noRoute() ? "DELETE" : method) {
				case "GET" -> mvc.get().uri(uri);
				case "POST" -> mvc.post().uri(uri);
				case "PATCH" -> mvc.patch().uri(uri);
				case "PUT" -> mvc.put().uri(uri);
				case "DELETE" -> mvc.delete().uri(uri);
				default -> throw new IllegalArgumentException(method);
			};
			request = request.with(as(user));
			if (page) {
				request = request.with(csrf()).accept(MediaType.TEXT_HTML);
			}
			if (body != null) {
				request = request.contentType(MediaType.APPLICATION_JSON).content(json(body));
			}
			return request.exchange();
		}
	}

	/** The account, the users of every column and the records the cells read. */
	private final class World {

		final AccountFixtures fixtures = new AccountFixtures(context);

		final Map<Who, CurrentUser> users = new EnumMap<>(Who.class);

		final CurrentUser executive;

		final CurrentUser finance;

		final AccountDetails account;

		final Map<String, Long> records = new java.util.HashMap<>();

		final String today = TestClock.today().toString();

		World() {
			for (Who who : Who.values()) {
				users.put(who, fixtures.user(who.role));
			}
			executive = users.get(Who.EXECUTIVE);
			finance = users.get(Who.FINANCE);
			account = fixtures.account(users.get(Who.AM_ASSIGNED));
			fixtures.onTeam(account, users.get(Who.RECRUITING_MANAGER));
			fixtures.onTeam(account, users.get(Who.RECRUITER));
			for (String record : List.of("contacts", "contracts", "activities", "jobs", "placements", "escalations",
					"invoices", "nps", "opportunities", "tasks")) {
				records.put(record, create(record));
			}
			assertThat(post("/api/v1/accounts/" + account.id() + "/health/recompute", null, executive)).hasStatusOk();
		}

		/**
		 * A new record of the type at the account, made by one who may (activities by
		 * their owner's manager).
		 */
		long create(String record) {
			CurrentUser maker = switch (record) {
				case "invoices" -> finance;
				case "activities" -> users.get(Who.AM_ASSIGNED);
				default -> executive;
			};
			if (record.equals("accounts")) {
				return fixtures.account(users.get(Who.AM_ASSIGNED)).id();
			}
			MvcTestResult created = post(resource(record), createBody(record), maker);
			assertThat(created).as("%s made for the table", record).hasStatus(HttpStatus.CREATED);
			return body(created).get("id").asLong();
		}

		String createBody(String record) {
			long a = account.id();
			String unique = AccountFixtures.unique("P");
			return switch (record) {
				case "accounts" ->
					"{'name': '%s', 'timeZone': 'Europe/Berlin', 'status': 'PROSPECT', 'billingCurrency': 'USD'}"
						.formatted(unique);
				case "contacts" -> ("{'accountId': %d, 'name': '%s', 'email': '%s@client.example', "
						+ "'stakeholderRole': 'CHAMPION', 'influence': 'HIGH'}")
					.formatted(a, unique, unique.toLowerCase());
				case "contracts" -> ("{'accountId': %d, 'type': 'MSA', 'number': '%s', 'startDate': '2026-01-01', "
						+ "'endDate': '2027-12-31', 'status': 'DRAFT', 'paymentTerms': 'Net 30', 'currency': 'USD', "
						+ "'serviceLines': [{'name': 'Staffing', 'annualValue': 1000}]}")
					.formatted(a, unique);
				case "activities" -> ("{'accountId': %d, 'type': 'CALL', 'direction': 'OUTBOUND', 'subject': '%s', "
						+ "'occurredAt': '%s', 'tags': [], 'contactIds': [], 'participantIds': []}")
					.formatted(a, unique, TestClock.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
				case "jobs" -> "{'accountId': %d, 'title': '%s', 'priority': 'HIGH', 'openedOn': '%s'}".formatted(a,
						unique, today);
				case "placements" -> "{'jobId': %d, 'candidateName': '%s', 'type': 'CONTRACT', 'startDate': '%s'}"
					.formatted(records.get("jobs"), unique, today);
				case "escalations" -> "{'accountId': %d, 'title': '%s', 'severity': 'P3'}".formatted(a, unique);
				case "invoices" -> ("{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', "
						+ "'amount': {'amount': '1000'}}")
					.formatted(a, unique, TestClock.today().minusDays(10), TestClock.today().plusDays(20));
				case "nps" ->
					"{'accountId': %d, 'score': 8, 'respondedOn': '%s', 'comment': '%s'}".formatted(a, today, unique);
				case "opportunities" ->
					"{'accountId': %d, 'title': '%s', 'value': {'amount': '1000'}}".formatted(a, unique);
				// assigned to the account's manager, as an executive or a recruiter would
				case "tasks" -> "{'accountId': %d, 'title': '%s', 'dueDate': '%s', 'assigneeId': %d}".formatted(a,
						unique, TestClock.today().plusDays(2), users.get(Who.AM_ASSIGNED).id());
				default -> throw new IllegalArgumentException(record);
			};
		}

		static String resource(String record) {
			return "/api/v1/" + (record.equals("nps") ? "nps-responses" : record);
		}

		/** The API request of a cell. */
		Request api(String record, String action) {
			long a = account.id();
			if (record.equals("health")) {
				return switch (action) {
					case "view" -> Request.get("/api/v1/accounts/" + a + "/health");
					case "create", "edit" ->
						new Request("POST", "/api/v1/accounts/" + a + "/health/recompute", null, null, false);
					case "delete" -> new Request("NONE", "/api/v1/accounts/" + a + "/health", null, null, false);
					case "export" -> Request.get("/api/v1/accounts/" + a + "/health/history");
					default -> throw new IllegalArgumentException(action);
				};
			}
			if (record.equals("receivables")) {
				return switch (action) {
					case "view" -> Request.get("/api/v1/receivables?accountId=" + a);
					case "export" -> Request.get("/receivables/export.csv?accountId=" + a);
					default -> throw new IllegalArgumentException(action);
				};
			}
			if (record.equals("sla-policy")) {
				return switch (action) {
					case "view" -> Request.get("/api/v1/sla-policy");
					case "edit" -> new Request("PUT", "/api/v1/sla-policy",
							"{'policyId': %d, 'note': 'Reviewed'}".formatted(
									body(get("/api/v1/sla-policy", executive)).get("current").get("id").asLong()),
							null, false);
					default -> throw new IllegalArgumentException(action);
				};
			}
			if (record.equals("escalations") && action.equals("execute")) {
				long fresh = create(record);
				return new Request("POST", "/api/v1/escalations/" + fresh + "/ownership",
						"{'version': %d}".formatted(version("/api/v1/escalations/" + fresh)), null, false);
			}
			if (record.equals("accounts")) {
				return switch (action) {
					case "view" -> Request.get("/api/v1/accounts/" + a);
					case "create" -> new Request("POST", "/api/v1/accounts", createBody(record), null, false);
					case "edit" -> {
						long fresh = create(record);
						yield new Request("PATCH", "/api/v1/accounts/" + fresh,
								"{'version': %d, 'industry': 'Retail'}".formatted(version("/api/v1/accounts/" + fresh)),
								null, false);
					}
					case "delete" -> new Request("DELETE", "/api/v1/accounts/" + create(record), null, null, false);
					case "export" -> new Request("GET", "/accounts/export.csv", null, account.key(), false);
					default -> throw new IllegalArgumentException(action);
				};
			}
			String base = resource(record);
			long shared = records.get(record);
			return switch (action) {
				case "view" -> Request.get(base + "/" + shared);
				case "create" -> new Request("POST", base, createBody(record), null, false);
				case "edit", "execute" -> {
					long fresh = create(record);
					yield new Request("PATCH", base + "/" + fresh,
							"{'version': %d, %s}".formatted(version(base + "/" + fresh),
									action.equals("execute") ? "'status': 'ACTIVE'" : change(record)),
							null, false);
				}
				case "delete" -> new Request("DELETE", base + "/" + create(record), null, null, false);
				case "export" -> record.equals("contacts")
						? new Request("GET", "/accounts/contacts-export.csv", null,
								body(get(base + "/" + shared, executive)).get("name").asString(), false)
						: Request.list(base + "?accountId=" + a + "&size=200", "\"id\":" + shared + ",");
				default -> throw new IllegalArgumentException(action);
			};
		}

		static String change(String record) {
			return switch (record) {
				case "contacts" -> "'title': 'Chief People Officer'";
				case "contracts" -> "'status': 'TERMINATED'";
				case "activities" -> "'subject': 'Changed'";
				case "jobs" -> "'title': 'Changed'";
				case "placements" -> "'candidateName': 'Changed'";
				case "escalations" -> "'title': 'Changed'";
				case "invoices" -> "'number': '" + AccountFixtures.unique("N") + "'";
				case "nps" -> "'comment': 'Changed'";
				case "opportunities" -> "'title': 'Changed'";
				case "tasks" -> "'title': 'Changed'";
				default -> throw new IllegalArgumentException(record);
			};
		}

		/** The page request of a cell, or null when no page does it. */
		Request page(String record, String action) {
			long a = account.id();
			String tab = switch (record) {
				case "activities", "nps" -> "activities";
				case "placements" -> "jobs";
				default -> record;
			};
			String path = "/accounts/" + a + "/" + (record.equals("nps") ? "activities/nps" : record);
			if (record.equals("receivables")) {
				return action.equals("view") ? pageGet("/receivables?accountId=" + a) : null;
			}
			if (record.equals("sla-policy")) {
				// the page is the admins' editor; everyone reads the policy on the queue
				// and the API
				return action.equals("edit") ? pageGet("/admin/sla-policy") : null;
			}
			if (record.equals("escalations") && action.equals("execute")) {
				long fresh = create(record);
				return pagePost(
						"/escalations/" + fresh + "/take-ownership?version=" + version("/api/v1/escalations/" + fresh));
			}
			if (record.equals("accounts")) {
				return switch (action) {
					case "view" -> pageGet("/accounts/" + a);
					case "create" -> pageGet("/accounts/new");
					case "edit" -> pageGet("/accounts/" + a + "/edit");
					case "delete" -> pagePost("/accounts/" + create(record) + "/delete");
					default -> null;
				};
			}
			if (record.equals("health")) {
				return switch (action) {
					case "view" -> pageGet("/accounts/" + a + "/health");
					case "create", "edit" -> pagePost("/accounts/" + a + "/health/recompute");
					default -> null;
				};
			}
			if (record.equals("tasks")) {
				// the tab lists the tasks the user may see (another manager's own only)
				return switch (action) {
					case "view" -> new Request("GET", "/accounts/" + a + "/tasks", null,
							"task-" + records.get("tasks") + "\"", true);
					case "create" -> pageGet("/tasks/new?accountId=" + a);
					case "edit" -> pageGet("/tasks/" + create(record) + "/edit");
					case "delete" -> pagePost("/tasks/" + create(record) + "/delete");
					default -> null;
				};
			}
			if (record.equals("contacts") || record.equals("contracts")) {
				return switch (action) {
					case "create" -> pageGet(path + "/new");
					case "edit" -> record.equals("contacts") ? pageGet(path + "/" + create(record) + "/edit") : null;
					case "delete" -> pagePost(path + "/" + create(record) + "/delete");
					default -> null;
				};
			}
			return switch (action) {
				case "view" -> pageGet("/accounts/" + a + "/" + tab);
				case "create" -> pageGet(path + "/new");
				case "edit" -> pageGet(path + "/" + create(record) + "/edit");
				case "delete" -> pagePost(path + "/" + create(record) + "/delete");
				default -> null;
			};
		}

		Request pageGet(String uri) {
			return new Request("GET", uri, null, null, true);
		}

		Request pagePost(String uri) {
			return new Request("POST", uri, null, null, true);
		}

		long version(String uri) {
			var record = body(get(uri, executive));
			return (record.has("version") ? record : record.get("stamp")).get("version").asLong();
		}

		MvcTestResult get(String uri, CurrentUser user) {
			return mvc.get().uri(uri).with(as(user)).exchange();
		}

		MvcTestResult post(String uri, String body, CurrentUser user) {
			var request = mvc.post().uri(uri).with(as(user));
			if (body != null) {
				request = request.contentType(MediaType.APPLICATION_JSON).content(json(body));
			}
			return request.exchange();
		}

	}

}
