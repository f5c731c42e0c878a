package io.intime.notifications.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.notifications.Channel;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
import io.intime.shared.Actor;
import io.intime.shared.Today;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process that sends a notice's email is killed (SIGKILL) in the middle of the send;
 * after a restart each message has arrived at the SMTP server once, except the one the
 * server had accepted when the process died: that one twice, under the same Message-ID
 * (SMTP cannot tell a sender whether a message it lost track of arrived, see
 * {@link DeliveryWorker}).
 * <p>
 * The killed node is a process of its own ({@link DeliveryNode}: the application's
 * delivery worker and email sender on this test's database and in-process SMTP server)
 * that stops at the point of the send under test and is killed there. Its deliveries are
 * due in an hour, so that the application's own worker leaves them alone; the node and
 * the worker that restarts after it run on a clock two hours ahead.
 */
@IntegrationTest
class DeliveryCrashIntegrationTest {

	private static final Duration AHEAD = Duration.ofHours(2);

	private static final Duration LEASE = Duration.ofMinutes(5);

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	EmailSender email;

	@Autowired
	SMTPServer smtp;

	@Autowired
	DataSource dataSource;

	@Test
	void aNodeKilledBetweenTheCommitAndTheSendLeavesEachMessageToArriveOnceAfterTheRestart() throws Exception {
		Queued queued = queue(3);

		String stopped = killAt("before-send", queued);
		assertThat(stopped).startsWith("test.mail|");
		// the dead node's leavings: every delivery claimed (its lease), the first marked
		// as being sent, nothing at the SMTP server
		assertThat(states(queued)).containsOnly("QUEUED:0:claimed");
		assertThat(beingSent(queued)).hasSize(1);
		assertThat(arrivals(queued).values()).containsOnly(0);

		// a node (re)started while the lease lasts leaves them: the lease holds
		assertThat(worker(AHEAD.plusMinutes(1)).sendDue(queued.deliveries())).isZero();
		assertThat(arrivals(queued).values()).containsOnly(0);

		// after the lease each message goes out once
		assertThat(worker(AHEAD.plus(LEASE).plusSeconds(1)).sendDue(queued.deliveries())).isEqualTo(3);
		assertThat(arrivals(queued).values()).containsOnly(1);
		assertThat(states(queued)).containsOnly("SENT:1:", "SENT:2:");
		// the one being sent when the node died: its lost attempt is in its history
		long first = beingSentBefore(queued, stopped);
		assertThat(history(first)).containsExactly("false:" + DeliveryWorker.LOST_ATTEMPT, "true:");
		assertThat(worker(AHEAD.plus(LEASE).plusMinutes(1)).sendDue(queued.deliveries())).isZero();
		assertThat(arrivals(queued).values()).containsOnly(1);
	}

	@Test
	void aNodeKilledAfterTheServerAcceptedAMessageButBeforeItRecordedItSendsThatOneAgainUnderTheSameMessageId()
			throws Exception {
		Queued queued = queue(3);

		String stopped = killAt("after-send", queued);
		// the SMTP server has the first message; the database does not know it
		long first = beingSentBefore(queued, stopped);
		assertThat(states(queued)).containsOnly("QUEUED:0:claimed");
		assertThat(beingSent(queued)).containsExactly(first);
		String firstRecipient = queued.recipientOf(first);
		Map<String, Integer> before = arrivals(queued);
		assertThat(before.remove(firstRecipient)).isEqualTo(1);
		assertThat(before.values()).containsOnly(0);

		assertThat(worker(AHEAD.plus(LEASE).plusSeconds(1)).sendDue(queued.deliveries())).isEqualTo(3);
		Map<String, Integer> arrivals = arrivals(queued);
		assertThat(arrivals.remove(firstRecipient)).isEqualTo(2);
		assertThat(arrivals.values()).containsOnly(1);
		assertThat(messageIds(firstRecipient)).hasSize(2).containsOnly(messageIds(firstRecipient).get(0));
		assertThat(history(first)).containsExactly("false:" + DeliveryWorker.LOST_ATTEMPT, "true:");
		assertThat(worker(AHEAD.plus(LEASE).plusMinutes(1)).sendDue(queued.deliveries())).isZero();
	}

	@Test
	void aWorkerThatOutlivedItsLeaseSendsNothingMoreOnceAnotherWorkerTookItsDeliveriesOver() throws Exception {
		Queued queued = queue(2);
		CountDownLatch sending = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		// a worker whose first send hangs (as on an SMTP server that stopped answering,
		// for longer than the SMTP timeouts allow)
		ChannelSender hanging = new ChannelSender() {
			@Override
			public Channel channel() {
				return Channel.EMAIL;
			}

			@Override
			public boolean configured() {
				return true;
			}

			@Override
			public void send(OutgoingMessage message) throws DeliveryException {
				try {
					sending.countDown();
					resume.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				email.send(message);
			}
		};
		DeliveryWorker stuck = new DeliveryWorker(environment, jdbc, transactions,
				new Today(Clock.offset(TestClock.INSTANCE, AHEAD)), List.of(hanging), Duration.ofSeconds(30), 6, 200,
				LEASE);
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			Future<Integer> stuckSent = thread.submit(() -> stuck.sendDue(queued.deliveries()));
			assertThat(sending.await(20, TimeUnit.SECONDS)).isTrue();

			// past its lease another worker takes both over and sends them
			assertThat(worker(AHEAD.plus(LEASE).plusMinutes(1)).sendDue(queued.deliveries())).isEqualTo(2);
			assertThat(arrivals(queued).values()).containsOnly(1);

			// the stuck one's send that was under way goes out too, the second it does
			// not
			// begin: it is no longer its own
			resume.countDown();
			assertThat(stuckSent.get(20, TimeUnit.SECONDS)).isEqualTo(1);
			assertThat(arrivals(queued).values()).containsExactlyInAnyOrder(2, 1);
			// the first: the attempt the other worker took for lost, its own, the stuck
			// one's
			assertThat(states(queued)).containsExactlyInAnyOrder("SENT:3:", "SENT:1:");
		}
		finally {
			resume.countDown();
			thread.shutdownNow();
		}
	}

	/** Runs a {@link DeliveryNode} on the deliveries, kills it where it stopped. */
	private String killAt(String point, Queued queued) throws Exception {
		String url;
		String user;
		try (Connection connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		long offset = Duration.between(Instant.now(), TestClock.now().plus(AHEAD)).toMillis();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process node = new ProcessBuilder(java, "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				DeliveryNode.class.getName(), url, user, String.valueOf(smtp.getPortAllocated()),
				String.valueOf(offset), point,
				queued.deliveries().stream().map(String::valueOf).collect(Collectors.joining(",")))
			.redirectErrorStream(true)
			.start();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
				out.lines().forEach(lines::add);
			}
			catch (Exception ex) {
				// the process is gone
			}
		}, "delivery-node-output");
		reader.setDaemon(true);
		reader.start();
		List<String> output = new ArrayList<>();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (System.nanoTime() < deadline) {
				String line = lines.poll(200, TimeUnit.MILLISECONDS);
				if (line == null) {
					assertThat(node.isAlive()).as("the delivery node runs: %s", output).isTrue();
					continue;
				}
				output.add(line);
				if (line.startsWith(DeliveryNode.STOPPED + point + " ")) {
					node.destroyForcibly();
					assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
					assertThat(node.exitValue()).as("killed").isEqualTo(137);
					return line.substring((DeliveryNode.STOPPED + point + " ").length());
				}
			}
			throw new AssertionError("the delivery node did not stop at " + point + ": " + output);
		}
		finally {
			node.destroyForcibly();
		}
	}

	/**
	 * A notice to {@code recipients} new users, committed; its deliveries due in an hour.
	 */
	private Queued queue(int recipients) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		List<Long> users = new ArrayList<>();
		for (int i = 0; i < recipients; i++) {
			users.add(jdbc.sql("""
					insert into app_user (username, full_name, email, role, password_hash, time_zone)
					values (?, ?, ?, 'ACCOUNT_MANAGER', 'x', 'UTC') returning id""")
				.params("crash-" + i + "-" + suffix, "Crash Recipient " + i,
						"crash-" + i + "-" + suffix + "@firm.example")
				.query(Long.class)
				.single());
		}
		Map<Long, String> deliveries = transactions.execute(status -> {
			notifications.send(Notice
				.about("test.mail", null, "account", 1, "crash-" + suffix, "Renewal in 30 days",
						"The MSA of Crash Corp renews in 30 days.", "/accounts/1", Actor.SYSTEM)
				.to(users.toArray(Long[]::new)));
			return jdbc
				.sql("""
						update notification_delivery d set due_at = ? from notification n join app_user u on u.id = n.recipient_id
						where n.id = d.notification_id and n.occasion = ? returning d.id, u.email""")
				.params(Timestamp.from(TestClock.now().plus(Duration.ofHours(1))), "crash-" + suffix)
				.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
				.list()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		});
		assertThat(deliveries).hasSize(recipients);
		return new Queued(deliveries);
	}

	/** The deliveries (id → recipient's address). */
	private record Queued(Map<Long, String> recipients) {

		List<Long> deliveries() {
			return recipients.keySet().stream().sorted().toList();
		}

		String recipientOf(long delivery) {
			return recipients.get(delivery);
		}

	}

	/** A worker as a restarted node runs it, on a clock {@code ahead} of the test's. */
	private DeliveryWorker worker(Duration ahead) {
		return new DeliveryWorker(environment, jdbc, transactions, new Today(Clock.offset(TestClock.INSTANCE, ahead)),
				List.of(email), Duration.ofSeconds(30), 6, 200, LEASE);
	}

	/** Per delivery: status, attempts and whether a lease is on it. */
	private List<String> states(Queued queued) {
		return jdbc.sql("""
				select status || ':' || attempts || ':' || case when claimed_until is null then '' else 'claimed' end
				from notification_delivery where id in (:ids)""")
			.param("ids", queued.deliveries())
			.query(String.class)
			.list();
	}

	/** The deliveries marked as being sent and not recorded. */
	private List<Long> beingSent(Queued queued) {
		return jdbc.sql("""
				select id from notification_delivery where id in (:ids) and sent_at is not null and status <> 'SENT'""")
			.param("ids", queued.deliveries())
			.query(Long.class)
			.list();
	}

	/** The delivery whose key the node printed when it stopped. */
	private long beingSentBefore(Queued queued, String key) {
		return queued.deliveries()
			.stream()
			.filter(id -> key.equals(jdbc.sql("""
					select n.kind || '|' || n.record_type || ':' || n.record_id || '|' || n.recipient_id || '|'
					  || n.occasion || '|' || d.channel
					from notification_delivery d join notification n on n.id = d.notification_id where d.id = ?""")
				.params(id)
				.query(String.class)
				.single()))
			.findFirst()
			.orElseThrow();
	}

	/** Messages the SMTP server received, per recipient. */
	private Map<String, Integer> arrivals(Queued queued) {
		Map<String, Integer> arrivals = new java.util.HashMap<>();
		for (String recipient : queued.recipients().values()) {
			arrivals.put(recipient, messageIds(recipient).size());
		}
		return arrivals;
	}

	private List<String> messageIds(String recipient) {
		return jdbc.sql("select message_id from sent_mail where envelope_to = ? order by id")
			.params(recipient)
			.query(String.class)
			.list();
	}

	/** The attempts of a delivery: succeeded and error, in order. */
	private List<String> history(long delivery) {
		return jdbc.sql("""
				select succeeded || ':' || coalesce(error, '') from notification_attempt where delivery_id = ?
				order by at, id""").params(delivery).query(String.class).list();
	}

}
