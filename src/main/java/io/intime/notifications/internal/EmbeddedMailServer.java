package io.intime.notifications.internal;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.intime.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default's mail: when {@code spring.mail.host} is not set and the
 * {@code prod} profile is not active, an in-process SMTP server (SubEthaSMTP) on
 * {@code intime.mail.embedded-port} (0: any free port) receives the application's mail
 * and stores each message in {@code sent_mail} (raw MIME, envelope, subject), where the
 * admin's "Sent mail" page and every node read it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMailServer.Embedded.class)
class EmbeddedMailServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

	/** No SMTP server configured, not in production. */
	static class Embedded implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("spring.mail.host")
					&& !context.getEnvironment().acceptsProfiles(Profiles.of("prod"));
		}

	}

	@Bean(destroyMethod = "stop")
	SMTPServer embeddedSmtpServer(JdbcClient jdbc, Today time, @Value("${intime.mail.embedded-port:0}") int port)
			throws Exception {
		Session session = Session.getInstance(new Properties());
		SMTPServer server = SMTPServer.port(port)
			.bindAddress(InetAddress.getLoopbackAddress())
			.messageHandler((context, from, to, data) -> store(jdbc, time, session, from, to, data))
			.build();
		server.start();
		log.info("Email goes to the in-process SMTP server on port {} (Sent mail in the admin pages)",
				server.getPortAllocated());
		return server;
	}

	@Bean
	JavaMailSenderImpl embeddedMailSender(SMTPServer embeddedSmtpServer) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(embeddedSmtpServer.getPortAllocated());
		sender.setDefaultEncoding("UTF-8");
		// as spring.mail.properties.* sets them for an SMTP server of the firm's
		Properties timeouts = new Properties();
		timeouts.setProperty("mail.smtp.connectiontimeout", "10000");
		timeouts.setProperty("mail.smtp.timeout", "20000");
		sender.setJavaMailProperties(timeouts);
		return sender;
	}

	private static void store(JdbcClient jdbc, Today time, Session session, String from, String to, byte[] data) {
		String subject = null;
		String messageId = null;
		try {
			MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(data));
			subject = message.getSubject();
			messageId = message.getMessageID();
		}
		catch (MessagingException ex) {
			log.debug("Received mail that does not parse", ex);
		}
		jdbc.sql("""
				insert into sent_mail (envelope_from, envelope_to, subject, message_id, raw, received_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(from == null ? "" : from, to, subject, messageId, data, Timestamp.from(time.now()))
			.update();
	}

}
