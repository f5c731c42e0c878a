package io.intime.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.intime.notifications.Channel;
import io.intime.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A delivery node in a process of its own, for {@link DeliveryCrashIntegrationTest}: the
 * application's {@link DeliveryWorker} and {@link EmailSender} on a database and an SMTP
 * server, sending the given deliveries, that stops at a point of the send and waits there
 * to be killed (SIGKILL): {@code before-send} (the batch is claimed and the first
 * delivery marked as being sent, nothing went to the SMTP server yet) or
 * {@code after-send} (the SMTP server accepted the first message, the worker has not
 * recorded it yet). It prints {@code DELIVERY-NODE stopped <point> <key>} when it is
 * there.
 *
 * <pre>
 * java -cp &lt;test class path&gt; io.intime.notifications.internal.DeliveryNode \
 *   &lt;jdbc url&gt; &lt;user&gt; &lt;smtp port&gt; &lt;clock offset ms&gt; &lt;before-send|after-send&gt; &lt;id,id,…&gt;
 * </pre>
 *
 * The database password, if any, comes from {@code INTIME_NODE_DB_PASSWORD}.
 */
final class DeliveryNode {

	static final String STOPPED = "DELIVERY-NODE stopped ";

	private DeliveryNode() {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		String url = args[0];
		String user = args[1];
		int smtpPort = Integer.parseInt(args[2]);
		Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.parseLong(args[3])));
		String stopAt = args[4];
		List<Long> ids = Arrays.stream(args[5].split(",")).map(Long::valueOf).toList();

		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, user,
				System.getenv("INTIME_NODE_DB_PASSWORD"));
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("node", Map.of("intime.base-url", "http://localhost:8080")));
		JavaMailSenderImpl smtp = new JavaMailSenderImpl();
		smtp.setHost("127.0.0.1");
		smtp.setPort(smtpPort);
		EmailSender email = new EmailSender(smtp, environment, "InTime Accounts <notifications@intime.local>",
				java.time.Clock.systemUTC());
		DeliveryWorker worker = new DeliveryWorker(environment, JdbcClient.create(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new Today(clock),
				List.of(new Stopping(email, stopAt)), Duration.ofSeconds(30), 6, 200, Duration.ofMinutes(5));
		System.out.println("DELIVERY-NODE sent " + worker.sendDue(ids));
	}

	/** The email sender, with a stop before or after the first message. */
	private record Stopping(EmailSender email, String stopAt) implements ChannelSender {

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
			try (Connection connection = connect()) {
				connection.send(message);
			}
		}

		@Override
		public Connection connect() {
			Connection smtp = email.connect();
			return new Connection() {
				@Override
				public void send(OutgoingMessage message) throws DeliveryException {
					stopIf("before-send", message);
					smtp.send(message);
					stopIf("after-send", message);
				}

				@Override
				public void close() {
					smtp.close();
				}
			};
		}

		private void stopIf(String point, OutgoingMessage message) {
			if (point.equals(stopAt)) {
				System.out.println(STOPPED + point + " " + message.key());
				System.out.flush();
				try {
					Thread.sleep(600_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				Runtime.getRuntime().halt(3);
			}
		}

	}

}
