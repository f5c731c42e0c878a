package io.intime.engagement;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IMAP polling of an inbound mailbox against a real IMAP server (GreenMail, in process):
 * a client's unread message is filed on its account as pending review and marked read; an
 * unknown sender's is left unfiled but read; a message seen again (the same Message-ID)
 * is filed once.
 */
@IntegrationTest
class InboundMailboxIntegrationTest {

	@Autowired
	InboundMailbox mailbox;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	GreenMail imap;

	com.icegreen.greenmail.user.GreenMailUser clients;

	@BeforeEach
	void start() {
		imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
		imap.start();
		clients = imap.setUser("clients@intime.example", "clients", "secret");
	}

	@AfterEach
	void stop() {
		imap.stop();
	}

	InboundMailbox.Settings settings() {
		return new InboundMailbox.Settings("127.0.0.1", imap.getImap().getPort(), false, "clients", "secret", "INBOX");
	}

	MimeMessage message(String from, String subject, String text, String messageId) throws Exception {
		MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties())) {
			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		m.setFrom(new InternetAddress(from));
		m.setRecipients(Message.RecipientType.TO, "clients@intime.example");
		m.setSubject(subject);
		m.setText(text);
		m.saveChanges();
		return m;
	}

	@Test
	void unreadClientMailIsFiledOnceAndMarkedRead() throws Exception {
		AccountFixtures fixtures = new AccountFixtures(context);
		CurrentUser am = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(am);
		ContactView contact = fixtures.contact(account);
		String id = "<" + AccountFixtures.unique("imap") + "@client.example>";
		clients.deliver(message(contact.email(), "Urgent: timesheets", "The timesheets do not match.", id));
		clients.deliver(message("stranger@nowhere.example", "Hello", "Who are you?",
				"<" + AccountFixtures.unique("x") + "@nowhere.example>"));

		assertThat(mailbox.poll(settings())).isEqualTo(1);
		List<String> filed = jdbc.sql("select review_status from activity where message_id = :id")
			.param("id", id)
			.query(String.class)
			.list();
		assertThat(filed).containsExactly("PENDING");
		assertThat(jdbc.sql("select account_id from activity where message_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(account.id());
		assertThat(imap.getReceivedMessages()).allSatisfy(m -> assertThat(m.isSet(Flags.Flag.SEEN)).isTrue());

		// the same message again, unread: filed once
		clients.deliver(message(contact.email(), "Urgent: timesheets", "The timesheets do not match.", id));
		assertThat(mailbox.poll(settings())).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from activity where message_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		// nothing unread is left; a poll finds nothing
		assertThat(mailbox.poll(settings())).isZero();
		assertThat(GreenMailUtil.getBody(imap.getReceivedMessages()[0])).contains("timesheets");
	}

}
