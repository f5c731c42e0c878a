package io.intime.notifications.internal;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import io.intime.notifications.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends email deliveries through Spring's {@link JavaMailSender} ({@code spring.mail.*},
 * or the in-process SMTP server of the embedded default): a multipart/alternative message
 * with an HTML and a text part rendered from the templates in
 * {@code templates/notifications/mail}, Reply-To the account owner, a
 * {@code List-Unsubscribe} link to the preferences and a Message-ID derived from the
 * delivery's key, so that a receiver sees a repeat as the same message. The worker sends
 * a batch on one SMTP connection ({@link #connect()}) when the sender is Spring's
 * {@link JavaMailSenderImpl} (Boot's and the embedded server's are).
 */
@Component
class EmailSender implements ChannelSender {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	/**
	 * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a {@code ServiceLoader}
	 * for every body part and multipart it creates (jakartaee/mail-api#699, #861, fixed
	 * in 2.2), which in the application's jar, with its nested jars, took most of the
	 * time of a message. Named by this system property (the one implementation the
	 * application ships, Angus Mail's), it is a class lookup. Left alone when set
	 * otherwise.
	 */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
		if (System.getProperty(STREAM_PROVIDER) == null
				&& EmailSender.class.getClassLoader().getResource(angus.replace('.', '/') + ".class") != null) {
			System.setProperty(STREAM_PROVIDER, angus);
		}
	}

	private final JavaMailSender mail;

	private final java.time.Clock clock;

	private final Environment environment;

	private final String from;

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	private final Session session = Session.getInstance(new Properties());

	@Autowired
	EmailSender(ObjectProvider<JavaMailSender> mail, Environment environment,
			@Value("${intime.mail.from:InTime Accounts <notifications@intime.local>}") String from,
			io.intime.shared.Today time) {
		this(mail.getIfAvailable(), environment, from, time.clock());
	}

	/**
	 * A sender through {@code mail} (null: email is not configured); {@code clock} dates
	 * the messages.
	 */
	EmailSender(JavaMailSender mail, Environment environment, String from, java.time.Clock clock) {
		this.clock = clock;
		this.mail = mail;
		this.environment = environment;
		this.from = from;
		// as spring.thymeleaf.enable-spring-el-compiler does for the pages
		this.templates.setEnableSpringELCompiler(true);
		this.templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		this.templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/notifications/mail/");
		resolver.setTemplateMode(mode);
		resolver.getResolvablePatternSpec().addPattern(pattern);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(order);
		resolver.setCacheable(true);
		return resolver;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnWhenNotConfigured() {
		if (mail == null) {
			log.warn("Email is not configured (spring.mail.host is not set): email notifications stay queued "
					+ "until it is");
		}
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public boolean configured() {
		return mail != null;
	}

	@Override
	public void send(OutgoingMessage message) throws DeliveryException {
		if (mail == null) {
			throw new DeliveryException("Email is not configured");
		}
		try {
			mail.send(render(message));
		}
		catch (MailException | MessagingException | UnsupportedEncodingException ex) {
			throw new DeliveryException(describe(ex), ex);
		}
	}

	/**
	 * One SMTP connection for a batch, opened at its first message: each message is sent
	 * with {@link Transport#sendMessage}, which returns when the server accepted it, so
	 * the worker can record it sent before anything else happens (Spring's
	 * {@code JavaMailSender.send} also closes the connection first, a round trip more
	 * during which a stopping process would leave a sent message unrecorded). A failed
	 * message closes the connection; the next one opens a new one. Senders other than
	 * {@link JavaMailSenderImpl} send each message on its own.
	 */
	@Override
	public Connection connect() {
		return mail instanceof JavaMailSenderImpl smtp ? new SmtpConnection(smtp) : this::send;
	}

	private final class SmtpConnection implements Connection {

		private final JavaMailSenderImpl smtp;

		private Transport transport;

		SmtpConnection(JavaMailSenderImpl smtp) {
			this.smtp = smtp;
		}

		@Override
		public void send(OutgoingMessage message) throws DeliveryException {
			try {
				MimeMessage mime = render(message);
				// as JavaMailSenderImpl does before it sends
				mime.setSentDate(Date.from(clock.instant()));
				mime.saveChanges();
				if (transport == null) {
					transport = open();
				}
				transport.sendMessage(mime, mime.getAllRecipients());
			}
			catch (MessagingException | UnsupportedEncodingException | RuntimeException ex) {
				close();
				throw new DeliveryException(describe(ex), ex);
			}
		}

		/** Connects as {@code JavaMailSenderImpl.connectTransport} does. */
		private Transport open() throws MessagingException {
			Session smtpSession = smtp.getSession();
			String protocol = smtp.getProtocol();
			if (protocol == null) {
				protocol = smtpSession.getProperty("mail.transport.protocol");
			}
			Transport opened = smtpSession.getTransport(protocol == null ? "smtp" : protocol);
			String username = smtp.getUsername();
			String password = smtp.getPassword();
			if ("".equals(username)) {
				username = null;
				if ("".equals(password)) {
					password = null;
				}
			}
			opened.connect(smtp.getHost(), smtp.getPort(), username, password);
			return opened;
		}

		@Override
		public void close() {
			if (transport != null) {
				try {
					transport.close();
				}
				catch (MessagingException | RuntimeException ex) {
					log.debug("Closing the SMTP connection failed", ex);
				}
				transport = null;
			}
		}

	}

	/** The message as it is sent (also used by tests and the benchmark's floor). */
	MimeMessage render(OutgoingMessage message) throws MessagingException, UnsupportedEncodingException {
		String messageId = messageId(message.key());
		MimeMessage mime = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		// set directly: Spring's MimeMessageHelper, given a message JavaMailSenderImpl
		// did
		// not make, reads the MIME type table from the classpath for each one
		mime.setFrom(InternetAddress.parse(from)[0]);
		mime.setRecipient(Message.RecipientType.TO,
				new InternetAddress(message.email(), message.recipientName(), StandardCharsets.UTF_8.name()));
		if (message.replyToEmail() != null) {
			mime.setReplyTo(new Address[] { new InternetAddress(message.replyToEmail(), message.replyToName(),
					StandardCharsets.UTF_8.name()) });
		}
		mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
		boolean digest = message.kind() == null;
		String template = digest ? "digest" : "notice";
		Context context = new Context();
		context.setVariables(Map.of("message", message, "item", message.items().get(0), "baseUrl", baseUrl(),
				"preferences", preferences(message.kind())));
		MimeBodyPart text = new MimeBodyPart();
		text.setText(templates.process(template + ".txt", context), StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(templates.process(template + ".html", context), StandardCharsets.UTF_8.name(), "html");
		MimeMultipart alternative = new MimeMultipart("alternative", text, html);
		mime.setContent(alternative);
		mime.setHeader("List-Unsubscribe", "<" + preferences(message.kind()) + ">");
		mime.setHeader("Message-ID", messageId);
		return mime;
	}

	private String baseUrl() {
		String base = environment.getProperty("intime.base-url", "http://localhost:8080").trim();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private String preferences(String kind) {
		return baseUrl() + "/settings/notifications" + (kind == null ? "" : "?kind=" + kind);
	}

	/** {@code <sha256-of-key@intime>}. */
	static String messageId(String key) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(hash) + "@intime>";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String describe(Exception ex) {
		Throwable cause = ex;
		StringBuilder text = new StringBuilder();
		while (cause != null && text.length() < 1000) {
			if (cause.getMessage() != null) {
				text.append(text.isEmpty() ? "" : ": ").append(cause.getMessage().strip());
			}
			cause = cause.getCause() == cause ? null : cause.getCause();
		}
		return text.isEmpty() ? ex.getClass().getSimpleName() : text.toString();
	}

}
