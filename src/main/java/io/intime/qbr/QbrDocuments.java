package io.intime.qbr;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.intime.engagement.MeetingView;
import io.intime.engagement.Meetings;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.qbr.deck.Deck;
import io.intime.qbr.deck.DeckContent;
import io.intime.qbr.deck.DeckUnavailableException;
import io.intime.qbr.deck.QbrDeckPdf;
import io.intime.qbr.deck.QbrDeckWriter;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.Today;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A QBR's decks: "Generate deck" queues a version (a row of {@code qbr_document}) that
 * the scheduler builds in the background, on whichever node picks it, with its progress
 * written as it goes (the page shows it); the PPTX and its PDF are kept with the version.
 * The first deck marks the QBR's "deck ready" quality criterion. A quarter without any
 * data fails with "Unable to generate QBR deck: …"; a slide without its data is left out
 * and the version says which.
 */
@Service
public class QbrDocuments {

	private static final Logger log = LoggerFactory.getLogger(QbrDocuments.class);

	static final String TASK = "qbr.deck";

	private final JdbcClient jdbc;

	private final Qbrs qbrs;

	private final QbrMetrics metrics;

	private final QbrTemplates templates;

	private final QbrDeckWriter writer;

	private final QbrDeckPdf pdfs;

	private final Meetings meetings;

	private final UserDirectory users;

	private final Today time;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final OneTimeTask<Long> task;

	QbrDocuments(JdbcClient jdbc, Qbrs qbrs, QbrMetrics metrics, QbrTemplates templates, QbrDeckWriter writer,
			QbrDeckPdf pdfs, Meetings meetings, UserDirectory users, Today time,
			ObjectProvider<SchedulerClient> scheduler, OneTimeTask<Long> qbrDeckTask) {
		this.jdbc = jdbc;
		this.qbrs = qbrs;
		this.metrics = metrics;
		this.templates = templates;
		this.writer = writer;
		this.pdfs = pdfs;
		this.meetings = meetings;
		this.users = users;
		this.time = time;
		this.scheduler = scheduler;
		this.task = qbrDeckTask;
	}

	/** The background task that builds a queued deck (by its document id). */
	@Configuration(proxyBeanMethods = false)
	static class DeckTask {

		@Bean
		OneTimeTask<Long> qbrDeckTask(ObjectProvider<QbrDocuments> documents) {
			return Tasks.oneTime(TASK, Long.class)
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> documents.getObject().build(instance.getData()));
		}

	}

	/**
	 * One version of a QBR's deck.
	 *
	 * @param status QUEUED, RUNNING, DONE or FAILED
	 * @param omitted the slides left out and why
	 */
	public record Document(long id, long qbrId, int version, String status, int progress, String step,
			List<String> omitted, String failure, boolean hasPptx, boolean hasPdf, String requestedBy,
			Instant createdAt, Instant finishedAt) {

		public boolean running() {
			return "QUEUED".equals(status) || "RUNNING".equals(status);
		}

		public boolean done() {
			return "DONE".equals(status);
		}

	}

	/** A deck's file: its name, type and bytes. */
	public record File(String name, String contentType, byte[] content) {
	}

	public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

	/**
	 * Queues a new version of the deck (its editors only); a version already queued or
	 * running is returned instead of a second one.
	 */
	@Transactional
	public Document request(long qbrId, CurrentUser user) {
		QbrView qbr = qbrs.get(qbrId, user);
		qbrs.requireEditor(qbr, user);
		jdbc.sql("select id from qbr where id = :id for update").param("id", qbrId).query(Long.class).single();
		List<Document> running = documents(qbrId).stream().filter(Document::running).toList();
		if (!running.isEmpty()) {
			return running.get(0);
		}
		long id = jdbc
			.sql("""
					insert into qbr_document (qbr_id, version_no, status, progress, step, requested_by, requested_by_id,
					                          created_at)
					values (:qbr, (select coalesce(max(version_no), 0) + 1 from qbr_document where qbr_id = :qbr), 'QUEUED', 0,
					        'Waiting to start', :by, :byId, :now) returning id""")
			.param("qbr", qbrId)
			.param("by", user.username())
			.param("byId", user.id())
			.param("now", Timestamp.from(time.now()))
			.query(Long.class)
			.single();
		scheduler.getObject().scheduleIfNotExists(task.instance("deck-" + id, id), time.now());
		return document(id);
	}

	/** The QBR's deck versions, newest first. */
	@Transactional(readOnly = true)
	public List<Document> of(long qbrId, CurrentUser user) {
		qbrs.get(qbrId, user);
		return documents(qbrId);
	}

	/** One version, as its progress is polled. */
	@Transactional(readOnly = true)
	public Document get(long qbrId, long documentId, CurrentUser user) {
		qbrs.get(qbrId, user);
		Document d = document(documentId);
		if (d.qbrId() != qbrId) {
			throw new NotFoundException("Deck", documentId);
		}
		return d;
	}

	/**
	 * A version's PPTX or PDF, named after the account and quarter, e.g.
	 * {@code MegaBank_Q4_2026_QBR_v2.pptx}.
	 */
	@Transactional(readOnly = true)
	public File file(long qbrId, int version, String format, CurrentUser user) {
		QbrView qbr = qbrs.get(qbrId, user);
		String column = "pdf".equals(format) ? "pdf" : "pptx";
		byte[] content = jdbc
			.sql("select " + column + " from qbr_document where qbr_id = :qbr and version_no = :v"
					+ " and status = 'DONE'")
			.param("qbr", qbrId)
			.param("v", version)
			.query(byte[].class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Deck version", version));
		return new File(fileName(qbr, version, column), "pdf".equals(column) ? "application/pdf" : PPTX, content);
	}

	/**
	 * The newest finished version's PDF, or null: what the pre-read and summary emails
	 * attach.
	 */
	@Transactional(readOnly = true)
	public File latestPdf(long qbrId, CurrentUser user) {
		QbrView qbr = qbrs.get(qbrId, user);
		return jdbc.sql("""
				select version_no, pdf from qbr_document where qbr_id = :qbr and status = 'DONE' and pdf is not null
				 order by version_no desc limit 1""")
			.param("qbr", qbrId)
			.query((rs, n) -> new File(fileName(qbr, rs.getInt(1), "pdf"), "application/pdf", rs.getBytes(2)))
			.optional()
			.orElse(null);
	}

	/**
	 * The deck made now and not kept (the API's preview, and the benchmark's measure):
	 * the same review, content and writers as a version.
	 * @throws InvalidInputException naming {@code deck} when the quarter has no data at
	 * all
	 */
	@Transactional(readOnly = true)
	public File preview(long qbrId, String format, CurrentUser user) {
		QbrView qbr = qbrs.get(qbrId, user);
		DeckContent content = content(qbr, user);
		try {
			if ("pdf".equals(format)) {
				return new File(fileName(qbr, 0, "pdf"), "application/pdf", pdfs.pdf(content));
			}
			Deck deck = writer.pptx(content, templates.current(), null);
			return new File(fileName(qbr, 0, "pptx"), PPTX, deck.pptx());
		}
		catch (DeckUnavailableException e) {
			throw new InvalidInputException("deck", e.getMessage());
		}
	}

	/** The scheduler's work: builds a queued version, writing its progress as it goes. */
	void build(long documentId) {
		Document d = document(documentId);
		if (!d.running()) {
			return;
		}
		Long requesterId = jdbc.sql("select requested_by_id from qbr_document where id = :id")
			.param("id", documentId)
			.query(Long.class)
			.optional()
			.orElse(null);
		UserSummary requester = requesterId == null ? null : users.find(requesterId).orElse(null);
		if (requester == null) {
			fail(documentId, "Unable to generate QBR deck: the person who asked for it is no longer a user");
			return;
		}
		CurrentUser as = new CurrentUser(requester.id(), requester.username(), requester.fullName(), requester.role(),
				ZoneId.of(requester.timeZone()));
		long started = System.nanoTime();
		try {
			progress(documentId, "RUNNING", 5, "Computing the quarter's metrics");
			QbrView qbr = qbrs.get(d.qbrId(), as);
			DeckContent content = content(qbr, as);
			progress(documentId, "RUNNING", 20, "Making the slides");
			Deck deck = writer.pptx(content, templates.current(),
					percent -> progress(documentId, "RUNNING", 20 + percent * 6 / 10, "Making the slides"));
			progress(documentId, "RUNNING", 85, "Making the PDF");
			byte[] pdf = pdfs.pdf(content);
			jdbc.sql("""
					update qbr_document set status = 'DONE', progress = 100, step = 'Ready', pptx = :pptx, pdf = :pdf,
					       pptx_sha256 = :sha, omitted = :omitted, finished_at = :now
					 where id = :id""")
				.param("pptx", deck.pptx())
				.param("pdf", pdf)
				.param("sha", QbrTemplates.sha256(deck.pptx()))
				.param("omitted", deck.omitted().isEmpty() ? null : String.join("\n", deck.omitted()),
						java.sql.Types.VARCHAR)
				.param("now", Timestamp.from(time.now()))
				.param("id", documentId)
				.update();
			// the quality criterion "deck ready 3 days before" counts from the first deck
			jdbc.sql("update qbr set deck_ready_at = :now where id = :qbr and deck_ready_at is null")
				.param("now", Timestamp.from(time.now()))
				.param("qbr", d.qbrId())
				.update();
			log.info("QBR deck {} v{} made in {} ms ({} slides)", d.qbrId(), d.version(),
					(System.nanoTime() - started) / 1_000_000, deck.slides());
		}
		catch (DeckUnavailableException e) {
			fail(documentId, e.getMessage());
		}
		catch (RuntimeException e) {
			log.warn("QBR deck {} failed", documentId, e);
			fail(documentId, "Unable to generate QBR deck: " + e.getClass().getSimpleName());
		}
	}

	/** The deck's content: the review, the meeting's details, the QBR's action items. */
	DeckContent content(QbrView qbr, CurrentUser user) {
		QuarterReview review = metrics.review(qbr, user);
		MeetingView meeting = qbr.meetingId() == null ? null
				: meetings.byIds(List.of(qbr.meetingId())).get(qbr.meetingId());
		UserSummary presenter = qbr.ownerId() == null ? null : users.find(qbr.ownerId()).orElse(null);
		List<String> client = meeting == null ? List.of()
				: meeting.attendees()
					.stream()
					.filter(a -> a.contactId() != null)
					.map(MeetingView.Attendee::name)
					.toList();
		DeckContent content = DeckContent.of(review, presenter == null ? user.fullName() : presenter.fullName(),
				presenter == null || presenter.title() == null ? "Account Manager" : presenter.title(),
				meeting == null ? null : meeting.startsAt(),
				meeting == null ? user.timeZone() : ZoneId.of(meeting.timeZone()), client);
		List<DeckContent.ActionItem> items = jdbc.sql("""
				select coalesce(owner_name, ''), owner_side, text, due_date from qbr_item
				 where qbr_id = :qbr and kind = 'ACTION' order by position, id""")
			.param("qbr", qbr.id())
			.query((rs, n) -> new DeckContent.ActionItem(owner(review.accountName(), rs.getString(2), rs.getString(1)),
					rs.getString(3), rs.getObject(4, java.time.LocalDate.class)))
			.list();
		return items.isEmpty() ? content : content.withActionItems(items);
	}

	private static String owner(String account, String side, String name) {
		String party = "CLIENT".equals(side) ? account : "InTime";
		return name == null || name.isBlank() ? party : party + " (" + name + ")";
	}

	private List<Document> documents(long qbrId) {
		return jdbc.sql(SELECT + " where qbr_id = :qbr order by version_no desc").param("qbr", qbrId).query(ROW).list();
	}

	private Document document(long id) {
		return jdbc.sql(SELECT + " where id = :id")
			.param("id", id)
			.query(ROW)
			.optional()
			.orElseThrow(() -> new NotFoundException("Deck", id));
	}

	private static final String SELECT = """
			select id, qbr_id, version_no, status, progress, step, omitted, failure, pptx is not null, pdf is not null,
			       requested_by, created_at, finished_at from qbr_document""";

	private static final org.springframework.jdbc.core.RowMapper<Document> ROW = (rs, n) -> {
		String omitted = rs.getString(7);
		Timestamp finished = rs.getTimestamp(13);
		return new Document(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getInt(5), rs.getString(6),
				omitted == null ? List.of() : Arrays.asList(omitted.split("\n")), rs.getString(8), rs.getBoolean(9),
				rs.getBoolean(10), rs.getString(11), rs.getTimestamp(12).toInstant(),
				finished == null ? null : finished.toInstant());
	};

	private void progress(long id, String status, int percent, String step) {
		jdbc.sql(
				"update qbr_document set status = :status, progress = greatest(progress, :p), step = :step where id = :id")
			.param("status", status)
			.param("p", Math.min(99, percent))
			.param("step", step)
			.param("id", id)
			.update();
	}

	private void fail(long id, String message) {
		jdbc.sql(
				"update qbr_document set status = 'FAILED', failure = :m, step = 'Failed', finished_at = :now where id = :id")
			.param("m", message.length() > 1000 ? message.substring(0, 1000) : message)
			.param("now", Timestamp.from(time.now()))
			.param("id", id)
			.update();
	}

	static String fileName(QbrView qbr, int version, String extension) {
		String account = qbr.accountName().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
		return account + "_Q" + qbr.quarter().quarter() + "_" + qbr.quarter().year() + "_QBR"
				+ (version > 0 ? "_v" + version : "") + "." + extension;
	}

}
