package io.intime;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserFixtures;
import io.intime.identity.UserSummary;
import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
import io.intime.notifications.internal.DeliveryWorkers;
import io.intime.shared.Actor;
import io.intime.shared.Today;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes on one PostgreSQL: two application instances on one database (started
 * here, on a PostgreSQL of their own), behind no load balancer: a browser (an HTTP client
 * with a cookie store) signs in on node A, goes on on node B with the same session
 * cookie, leaves a CSV import waiting for its confirmation, a one-time job and an
 * unfinished event publication (the outbox) on A; then A stops, and B carries on with all
 * of it. Before that, both nodes' delivery workers send 200 queued emails at the same
 * time, each message once. B also answers as behind a TLS-terminating reverse proxy.
 * Prints what each step did, node by node.
 */
class SeveralNodesIntegrationTest {

	static final String ACCOUNT_HEADER = "name,industry,employee_count,hq_location,time_zone,status,billing_currency,region,relationship_start,owner,executive_sponsor,strategic,tier_override\n";

	/** Probe id → the nodes that ran it (all nodes run in this JVM). */
	static final Map<String, List<String>> runs = new ConcurrentHashMap<>();

	private final List<String> steps = new ArrayList<>();

	@Test
	void aSignedInUserAPendingImportAJobAndAnEventOutliveTheNodeThatServedThem() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setLocaleConfig("locale", "C")
			.start()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			ConfigurableApplicationContext a = start("A", url);
			ConfigurableApplicationContext b = null;
			try {
				b = start("B", url);
				run(a, b);
			}
			finally {
				if (a.isActive()) {
					a.close();
				}
				if (b != null) {
					b.close();
				}
				System.out.println("Several nodes on one PostgreSQL, step by step:\n  "
						+ steps.stream().collect(Collectors.joining("\n  ")));
			}
		}
	}

	private void run(ConfigurableApplicationContext a, ConfigurableApplicationContext b) throws Exception {
		Node nodeA = new Node("A", a);
		Node nodeB = new Node("B", b);
		step("A+B", "two instances on one PostgreSQL", "ports " + nodeA.port + " and " + nodeB.port);
		UserSummary user = new UserFixtures(a.getBean(UserDirectory.class)).user(Role.EXECUTIVE, "Nora Node");
		JdbcClient database = b.getBean(JdbcClient.class);
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		// Sign in on A.
		Document login = Jsoup.parse(nodeA.get(browser, "/login").body());
		HttpResponse<String> signedIn = nodeA.post(browser, "/login", Map.of("username", user.username(), "password",
				UserFixtures.PASSWORD, "_csrf", login.selectFirst("input[name=_csrf]").val()));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		step("A", "signs in as " + user.username(),
				signedIn.statusCode() + " → " + signedIn.headers().firstValue("Location").orElseThrow()
						+ ", session in PostgreSQL: "
						+ database.sql("select count(*) from spring_session where principal_name = :name")
							.param("name", user.username())
							.query(Long.class)
							.single());

		// Go on on B with the same cookie.
		HttpResponse<String> profileOnB = nodeB.get(browser, "/profile");
		assertThat(profileOnB.statusCode()).isEqualTo(200);
		Document profile = Jsoup.parse(profileOnB.body());
		assertThat(profile.select("dl").text()).contains("Username " + user.username());
		step("B", "GET /profile with A's session cookie",
				profileOnB.statusCode() + ", signed in as " + user.username());
		String csrf = csrf(profile);
		HttpResponse<String> forged = nodeB.post(browser, "/profile/tokens", Map.of("name", "Forged on B"));
		assertThat(forged.statusCode()).isEqualTo(403);
		HttpResponse<String> token = nodeB.post(browser, "/profile/tokens", Map.of("name", "Made on B", "_csrf", csrf));
		assertThat(token.statusCode()).isEqualTo(302);
		assertThat(token.headers().firstValue("Location").orElseThrow()).endsWith("/profile#tokens");
		step("B", "POST /profile/tokens without, then with the CSRF token",
				forged.statusCode() + ", then " + token.statusCode() + " → /profile#tokens");

		deliverOnBothNodes(a, b, database);

		// Preview an import on A; a job and an event left on A.
		String prefix = "Nodes " + UUID.randomUUID().toString().substring(0, 6) + " ";
		String csv = ACCOUNT_HEADER + prefix + "One,Technology,120,,UTC,ACTIVE,USD,,,,,,\n" + prefix
				+ "Two,Retail,80,,UTC,ACTIVE,USD,,,,,,\n";
		HttpResponse<String> preview = nodeA.upload(browser, "/import/preview", csrf, "accounts", "nodes.csv", csv);
		assertThat(preview.statusCode()).isEqualTo(200);
		Element upload = Jsoup.parse(preview.body()).selectFirst("#confirm-form input[name=upload]");
		assertThat(upload).as("the preview offers the import").isNotNull();
		String uploadId = upload.val();
		step("A", "POST /import/preview (2 accounts)",
				preview.statusCode() + ", upload " + uploadId.substring(0, 8) + "… waits in pending_import");

		// Neither node takes work now: B waits until A has stopped, so that what B runs
		// is what A left behind.
		a.getBean(Scheduler.class).pause();
		b.getBean(Scheduler.class).pause();
		String job = "job-" + UUID.randomUUID().toString().substring(0, 8);
		a.getBean(Scheduler.class)
			.schedule(new TaskInstance<>(NodeProbes.JOB, job), a.getBean(Today.class).now().plusSeconds(3));
		step("A", "schedules one-time job " + job + " in 3 s", "stored in scheduled_tasks");

		String event = "event-" + UUID.randomUUID().toString().substring(0, 8);
		a.getBean(TransactionTemplate.class).executeWithoutResult(tx -> a.publishEvent(new NodeProbeEvent(event)));
		await(Duration.ofSeconds(20), () -> "FAILED".equals(status(database, event)));
		step("A", "publishes " + event + "; A's listener cannot complete it", "publication " + status(database, event));

		a.close();
		b.getBean(Scheduler.class).resume();
		step("A", "stops", "closed");

		// B carries on.
		HttpResponse<String> stillSignedIn = nodeB.get(browser, "/profile");
		assertThat(stillSignedIn.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(stillSignedIn.body()).select("dl").text()).contains("Username " + user.username());
		step("B", "GET /profile", stillSignedIn.statusCode() + ", still signed in as " + user.username());

		HttpResponse<String> confirmed = nodeB.post(browser, "/import/confirm",
				Map.of("kind", "accounts", "upload", uploadId, "_csrf", csrf));
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(accounts(database, prefix)).isEqualTo(2);
		HttpResponse<String> again = nodeB.post(browser, "/import/confirm",
				Map.of("kind", "accounts", "upload", uploadId, "_csrf", csrf));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(accounts(database, prefix)).isEqualTo(2);
		step("B", "POST /import/confirm of A's upload, twice",
				confirmed.statusCode() + " → " + confirmed.headers().firstValue("Location").orElseThrow() + ", then "
						+ again.statusCode() + " (no longer waiting); accounts imported: "
						+ accounts(database, prefix));

		await(Duration.ofSeconds(30), () -> runs.containsKey(job));
		assertThat(runs.get(job)).containsExactly("B");
		step("B", "runs job " + job, "ran on " + runs.get(job));

		await(Duration.ofSeconds(30), () -> "COMPLETED".equals(status(database, event)));
		assertThat(runs.get(event)).containsExactly("B");
		step("B", "hands " + event + " to its listener again",
				"ran on " + runs.get(event) + ", publication " + status(database, event));

		// B behind a reverse proxy that terminates TLS.
		HttpClient visitor = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> home = nodeB.get(visitor, "/", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
				"accounts.example.com", "X-Forwarded-For", "203.0.113.7");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location")).hasValue("https://accounts.example.com/login");
		HttpResponse<String> secure = nodeB.get(visitor, "/login", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
				"accounts.example.com");
		assertThat(secure.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
		assertThat(secure.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure", "HttpOnly", "SameSite=Lax"));
		HttpResponse<String> plain = nodeB.get(HttpClient.newHttpClient(), "/login");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		step("B", "GET / and /login with X-Forwarded-Proto: https, X-Forwarded-Host: accounts.example.com",
				home.statusCode() + " → " + home.headers().firstValue("Location").orElseThrow() + "; "
						+ "Strict-Transport-Security: "
						+ secure.headers().firstValue("Strict-Transport-Security").orElseThrow()
						+ "; session cookie Secure, HttpOnly, SameSite=Lax; plain http: no HSTS");
	}

	/**
	 * 200 email notices committed on A; both nodes' delivery workers run at once (and
	 * their scheduler's runs besides), in claims of 20: each message arrives once at the
	 * nodes' in-process SMTP servers (both store what they receive in sent_mail).
	 */
	private void deliverOnBothNodes(ConfigurableApplicationContext a, ConfigurableApplicationContext b,
			JdbcClient database) throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		List<Long> recipients = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			recipients.add(database.sql("""
					insert into app_user (username, full_name, email, role, password_hash, time_zone)
					values (:username, :name, :email, 'ACCOUNT_MANAGER', 'x', 'UTC') returning id""")
				.param("username", "mail-" + i + "-" + suffix)
				.param("name", "Mail Recipient " + i)
				.param("email", "mail-" + i + "-" + suffix + "@firm.example")
				.query(Long.class)
				.single());
		}
		List<Notice> notices = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			notices.add(Notice
				.about(NodeProbes.MAIL, null, "node-test", i, "nodes-" + suffix, "Node notice " + i,
						"One of 200 notices both nodes deliver.", null, Actor.SYSTEM)
				.to(recipients.get(i % recipients.size())));
		}
		int written = a.getBean(TransactionTemplate.class)
			.execute(tx -> a.getBean(Notifications.class).sendAll(notices));
		assertThat(written).isEqualTo(200);

		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService workers = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> onA = workers.submit(() -> {
				together.await();
				return DeliveryWorkers.sendDue(a);
			});
			Future<Integer> onB = workers.submit(() -> {
				together.await();
				return DeliveryWorkers.sendDue(b);
			});
			int sentByA = onA.get(60, TimeUnit.SECONDS);
			int sentByB = onB.get(60, TimeUnit.SECONDS);
			String mailOf = "select count(*) from sent_mail where envelope_to like :pattern";
			await(Duration.ofSeconds(20),
					() -> database.sql(mailOf)
						.param("pattern", "mail-%-" + suffix + "@firm.example")
						.query(Long.class)
						.single() >= 200);
			Map<String, Object> mail = database.sql("""
					select count(*) as messages, count(distinct message_id) as distinct_ids from sent_mail
					where envelope_to like :pattern""")
				.param("pattern", "mail-%-" + suffix + "@firm.example")
				.query()
				.singleRow();
			List<String> deliveries = database.sql("""
					select d.status || ':' || d.attempts from notification_delivery d
					join notification n on n.id = d.notification_id where n.occasion = :occasion""")
				.param("occasion", "nodes-" + suffix)
				.query(String.class)
				.list();
			assertThat(mail).containsEntry("messages", 200L).containsEntry("distinct_ids", 200L);
			assertThat(deliveries).hasSize(200).containsOnly("SENT:1");
			assertThat(sentByA).as("A's worker sent some").isPositive();
			assertThat(sentByB).as("B's worker sent some").isPositive();
			step("A+B", "200 email notices committed on A; both nodes' delivery workers at once (claims of 20)",
					"A sent " + sentByA + ", B sent " + sentByB + ", their schedulers " + (200 - sentByA - sentByB)
							+ "; 200 messages at the SMTP servers, 200 Message-IDs, every delivery SENT after 1 attempt");
		}
		finally {
			workers.shutdownNow();
		}
	}

	private static ConfigurableApplicationContext start(String node, String url) {
		return new SpringApplicationBuilder(InTimeApplication.class, NodeProbes.class).run(
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--server.port=0", "--intime.demo=false", "--intime.health.live=false",
				// as application-prod.properties: behind a reverse proxy
				"--server.forward-headers-strategy=native", "--intime.scheduler.polling-interval=500ms",
				"--intime.scheduler.heartbeat-interval=500ms", "--intime.scheduler.missed-heartbeats-limit=4",
				"--intime.scheduler.shutdown-max-wait=500ms", "--intime.events.retry-every=PT1S",
				// claims of 20 deliveries, so that both nodes' workers share 200
				"--intime.notifications.batch-size=20", "--intime.test.node=" + node);
	}

	private void step(String node, String what, String result) {
		String line = String.format("[node %-3s] %s: %s", node, what, result);
		steps.add(line);
	}

	private static String csrf(Document page) {
		Element input = page.selectFirst("input[name=_csrf]");
		return input != null ? input.val() : page.selectFirst("meta[name=_csrf]").attr("content");
	}

	private static long accounts(JdbcClient database, String prefix) {
		return database.sql("select count(*) from account where name like :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single();
	}

	private static String status(JdbcClient database, String event) {
		return database.sql("select status from event_publication where serialized_event like :e")
			.param("e", "%" + event + "%")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	/** One application instance, reached over HTTP. */
	private record Node(String name, int port) {

		Node(String name, ConfigurableApplicationContext context) {
			this(name, Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
		}

		HttpResponse<String> get(HttpClient client, String path, String... headers) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
			if (headers.length > 0) {
				request.headers(headers);
			}
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
			String body = form.entrySet()
				.stream()
				.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return client.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> upload(HttpClient client, String path, String csrf, String kind, String filename,
				String content) throws Exception {
			String boundary = "node-" + UUID.randomUUID();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind
					+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n")
				.getBytes(StandardCharsets.UTF_8));
			return client.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("X-CSRF-TOKEN", csrf)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + port + path);
		}

	}

	/** An event of this test; its publication is the outbox entry. */
	record NodeProbeEvent(String id) {
	}

	/**
	 * A job and a listener that record the node they ran on; node A's listener cannot
	 * complete (as a node that fails or stops while its listener runs).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class NodeProbes {

		static final String JOB = "test.node-job";

		static final String MAIL = "test.node-mail";

		/** A notification kind to email, for the delivery step. */
		@Bean
		NotificationKind nodeMailKind() {
			return new NotificationKind(MAIL, "Node mail", "A notice the several-nodes test emails",
					Set.of(Audience.NAMED), NotificationSeverity.NORMAL, Set.of(Channel.EMAIL));
		}

		@Bean
		OneTimeTask<Void> nodeJob(@Value("${intime.test.node:?}") String node) {
			return Tasks.oneTime(JOB)
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> record(instance.getId(), node));
		}

		@Bean
		NodeListener nodeListener(@Value("${intime.test.node:?}") String node) {
			return new NodeListener(node);
		}

		static void record(String id, String node) {
			runs.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(node);
		}

	}

	static class NodeListener {

		private final String node;

		NodeListener(String node) {
			this.node = node;
		}

		@ApplicationModuleListener
		void on(NodeProbeEvent event) {
			if ("A".equals(node)) {
				throw new IllegalStateException("node A cannot complete " + event.id());
			}
			NodeProbes.record(event.id(), node);
		}

	}

}
