package io.intime.revenue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractRateView;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ContractView;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.staffing.HiringFacts;
import io.intime.staffing.RecruiterManagement;
import io.intime.staffing.RecruiterRanking;
import io.intime.staffing.RecruiterView;
import io.intime.staffing.StaffingFacts;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;
import io.intime.tasks.TaskView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expansion proposals (spec 02 step 15): drafted from an opportunity and prefilled from
 * the account (its relationship and placements, the contract's rate card and payment
 * terms, the best-ranked recruiter, the champion), edited and saved as immutable
 * versions, reviewed by the account manager's sales director (an in-app notice and a
 * task), approved or returned with comments, and sent as a PDF once its current version
 * is approved. Who may: those who may change the opportunity draft, save, request review
 * and send; sales directors and executives (admins for proposals without flags) decide,
 * by {@link ProposalAuthority}; those who may see the opportunity read. Every change is
 * audited and published as a {@link ProposalEvent}.
 */
@Service
public class Proposals {

	static final String ENTITY = "proposal";

	static final int MAX_SECTION = 10_000;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

	private final OpportunityManagement opportunities;

	private final AccountManagement accounts;

	private final ContractManagement contracts;

	private final ContactManagement contacts;

	private final StaffingFacts staffing;

	private final RecruiterManagement recruiters;

	private final UserDirectory users;

	private final Notifications notifications;

	private final TaskManagement tasks;

	private final ProposalDocument document;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	private final BigDecimal authorityPercent;

	Proposals(OpportunityManagement opportunities, AccountManagement accounts, ContractManagement contracts,
			ContactManagement contacts, StaffingFacts staffing, RecruiterManagement recruiters, UserDirectory users,
			Notifications notifications, TaskManagement tasks, ProposalDocument document, AuditTrail audit,
			ApplicationEventPublisher events, JdbcClient jdbc, Today time,
			@Value("${intime.revenue.discount-authority-percent:5}") BigDecimal authorityPercent) {
		this.opportunities = opportunities;
		this.accounts = accounts;
		this.contracts = contracts;
		this.contacts = contacts;
		this.staffing = staffing;
		this.recruiters = recruiters;
		this.users = users;
		this.notifications = notifications;
		this.tasks = tasks;
		this.document = document;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
		this.authorityPercent = authorityPercent;
	}

	/** The discount an account manager may give on their own, in percent. */
	public BigDecimal authorityPercent() {
		return authorityPercent;
	}

	// ------------------------------------------------------------------ reading

	/**
	 * The proposal of an opportunity, if one was drafted (readers of the opportunity).
	 */
	@Transactional(readOnly = true)
	public Optional<ProposalView> ofOpportunity(long opportunityId, CurrentUser user) {
		opportunities.get(opportunityId, user);
		return jdbc.sql("select id from proposal where opportunity_id = :o")
			.param("o", opportunityId)
			.query(Long.class)
			.optional()
			.map(id -> view(row(id), user));
	}

	/**
	 * A proposal with its current version (readers of its opportunity).
	 * @throws NotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public ProposalView get(long id, CurrentUser user) {
		Row row = row(id);
		opportunities.get(row.opportunityId(), user);
		return view(row, user);
	}

	/** One saved version of a proposal. */
	@Transactional(readOnly = true)
	public ProposalView.Content version(long id, int number, CurrentUser user) {
		Row row = row(id);
		opportunities.get(row.opportunityId(), user);
		return content(id, number);
	}

	/**
	 * The difference between two saved versions, part by part.
	 * @throws InvalidInputException naming {@code from} or {@code to} when it is no
	 * version of the proposal
	 */
	@Transactional(readOnly = true)
	public List<ProposalDiff.Part> diff(long id, int from, int to, CurrentUser user) {
		Row row = row(id);
		opportunities.get(row.opportunityId(), user);
		if (from < 1 || from > row.currentVersion()) {
			throw new InvalidInputException("from", "must be a version from 1 to " + row.currentVersion());
		}
		if (to < 1 || to > row.currentVersion()) {
			throw new InvalidInputException("to", "must be a version from 1 to " + row.currentVersion());
		}
		return ProposalDiff.between(parts(content(id, from), row.currency()), parts(content(id, to), row.currency()));
	}

	private static List<String[]> parts(ProposalView.Content c, String currency) {
		List<String[]> parts = new ArrayList<>();
		parts.add(new String[] { "Title", c.title() });
		for (ProposalSection section : ProposalSection.values()) {
			parts.add(new String[] { section.label(), c.section(section) });
		}
		StringBuilder rates = new StringBuilder();
		for (ProposalView.RateLine line : c.rates()) {
			rates.append(line.role())
				.append(": ")
				.append(ProjectedValue.money(new io.intime.shared.Money(line.rate(), currency)))
				.append("/hr\n");
		}
		parts.add(new String[] { "Rates", rates.toString().trim() });
		parts.add(new String[] { "Projection",
				"Discount " + c.discountPercent().stripTrailingZeros().toPlainString() + "%; conservative "
						+ c.lowRoles() + " roles × " + c.lowMonths() + " months; optimistic " + c.highRoles()
						+ " roles × " + c.highMonths() + " months; " + c.hoursPerMonth() + " h a month" });
		return parts;
	}

	/** The PDF that was sent (readers of its opportunity). */
	@Transactional(readOnly = true)
	public byte[] pdf(long id, CurrentUser user) {
		Row row = row(id);
		opportunities.get(row.opportunityId(), user);
		byte[] pdf = jdbc.sql("select sent_pdf from proposal where id = :id")
			.param("id", id)
			.query(byte[].class)
			.optional()
			.orElse(null);
		if (pdf == null) {
			throw new NotFoundException("Sent document of proposal", id);
		}
		return pdf;
	}

	/**
	 * The file name of the sent PDF, e.g. "RetailCo – Marketing Department – proposal
	 * v3.pdf".
	 */
	@Transactional(readOnly = true)
	public String pdfName(long id, CurrentUser user) {
		ProposalView p = get(id, user);
		return (p.accountName() + " - " + p.opportunityTitle() + " - proposal v" + p.sentVersion() + ".pdf")
			.replaceAll("[\\\\/:*?\"<>|]", "-");
	}

	// ------------------------------------------------------------------ writing

	/**
	 * Drafts the opportunity's proposal, prefilled from the account, or returns the one
	 * drafted before. Publishes {@link ProposalDrafted}.
	 */
	@Transactional
	public ProposalView draft(long opportunityId, CurrentUser user) {
		OpportunityView opportunity = opportunities.get(opportunityId, user);
		requireEdit(opportunity, user);
		Optional<Long> existing = jdbc.sql("select id from proposal where opportunity_id = :o")
			.param("o", opportunityId)
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return view(row(existing.get()), user);
		}
		AccountDetails account = accounts.get(opportunity.accountId(), user);
		ContractView contract = contractOf(account.id(), user);
		String currency = contract != null ? contract.currency() : opportunity.value().currency();
		ProposalForm form = prefill(opportunity, account, contract, user);
		Instant now = time.now();
		long id = jdbc.sql("""
				insert into proposal (opportunity_id, account_id, currency, status, current_version, created_at,
				                      created_by, updated_at, updated_by)
				values (:o, :a, :c, 'DRAFT', 1, :at, :by, :at, :by) returning id""")
			.param("o", opportunityId)
			.param("a", account.id())
			.param("c", currency)
			.param("at", Timestamp.from(now))
			.param("by", user.username())
			.query(Long.class)
			.single();
		insertVersion(id, 1, form, rateCard(contract), user, now);
		audit.recordCreated(ENTITY, id, Map.of("opportunityId", opportunityId, "title", form.title(), "version", 1),
				user);
		events.publishEvent(new ProposalDrafted(account.id(), id, opportunityId, 1, user.actor(), now));
		return view(row(id), user);
	}

	/**
	 * Saves the proposal as a new version (the old ones stay as they were); the proposal
	 * becomes a DRAFT again, so that a change to an approved proposal needs approval
	 * again. Refused while it is in review. Publishes {@link ProposalSaved}.
	 * @throws InvalidInputException naming each wrong field ({@code title},
	 * {@code sections.SCOPE}, {@code rates[1].rate}, {@code discountPercent} …)
	 * @throws StaleVersionException when someone else saved it since
	 */
	@Transactional
	public ProposalView save(long id, ProposalForm form, long expectedVersion, CurrentUser user) {
		Row row = row(id);
		OpportunityView opportunity = opportunities.get(row.opportunityId(), user);
		requireEdit(opportunity, user);
		if (row.status() == ProposalStatus.IN_REVIEW) {
			throw new InvalidInputException("status", "The proposal is in review with " + reviewerName(row)
					+ "; wait for the decision before changing it");
		}
		ProposalForm checked = check(form);
		Instant now = time.now();
		int next = row.currentVersion() + 1;
		bump(row, expectedVersion, "status = 'DRAFT', current_version = :next", Map.of("next", next), user, now);
		insertVersion(id, next, checked, rateCard(contractOf(row.accountId(), user)), user, now);
		audit.recordChanges(ENTITY, id,
				List.of(new FieldChange("version", String.valueOf(row.currentVersion()), String.valueOf(next))), user);
		events.publishEvent(new ProposalSaved(row.accountId(), id, row.opportunityId(), next, user.actor(), now));
		return view(row(id), user);
	}

	/**
	 * Sends the proposal to the sales director of its author (whom the user reports to;
	 * any sales director when nobody is named) as an in-app notice and a review task.
	 * Publishes {@link ProposalReviewRequested}.
	 * @throws InvalidInputException naming {@code status} when it is in review, approved
	 * or sent already
	 */
	@Transactional
	public ProposalView requestReview(long id, long expectedVersion, CurrentUser user) {
		Row row = row(id);
		OpportunityView opportunity = opportunities.get(row.opportunityId(), user);
		requireEdit(opportunity, user);
		if (row.status() != ProposalStatus.DRAFT && row.status() != ProposalStatus.RETURNED) {
			throw new InvalidInputException("status",
					"A proposal that is " + row.status().label().toLowerCase(Locale.ROOT)
							+ " cannot be sent for review; save a new version first");
		}
		UserSummary reviewer = reviewerFor(user, opportunity)
			.orElseThrow(() -> new InvalidInputException("reviewer", "There is no sales director to review it"));
		ProposalView current = view(row, user);
		Instant now = time.now();
		String title = opportunity.accountName() + " – " + opportunity.title();
		String link = "/proposals/" + id;
		TaskView task = tasks.create(new TaskForm("Review proposal: " + title,
				user.fullName() + " asks you to review version " + row.currentVersion() + " of the proposal"
						+ (current.needsDirector() ? " (" + String.join("; ", current.flags()) + ")" : "") + ".\n"
						+ link,
				reviewer.id(), row.accountId(), "proposal", id,
				tasks.businessDaysFromToday(reviewer.id(), zone(reviewer), 1), null, 0, TaskPriority.HIGH, null), user);
		bump(row, expectedVersion,
				"status = 'IN_REVIEW', reviewer_id = :reviewer, review_task_id = :task, review_comment = null",
				Map.of("reviewer", reviewer.id(), "task", task.id()), user, now);
		notifications.send(new Notice(RevenueNotificationKinds.PROPOSAL_REVIEW, row.accountId(), ENTITY, id,
				"review-v" + row.currentVersion(), "Review the proposal: " + title,
				user.fullName() + " asks you to review version " + row.currentVersion() + " ("
						+ ProjectedValue.money(current.projection().conservative().value()) + " to "
						+ ProjectedValue.money(current.projection().optimistic().value()) + ")."
						+ (current.needsDirector() ? "\n\nIt " + String.join("; ", current.flags()) + "." : ""),
				link, null, Set.of(reviewer.id()), user.actor()));
		audit.recordChanges(ENTITY, id, List.of(new FieldChange("status", row.status().name(), "IN_REVIEW"),
				new FieldChange("reviewer", null, reviewer.fullName())), user);
		events.publishEvent(new ProposalReviewRequested(row.accountId(), id, row.opportunityId(), row.currentVersion(),
				reviewer.id(), current.needsDirector(), user.actor(), now));
		return view(row(id), user);
	}

	/**
	 * Approves the version in review (sales directors and executives; admins only without
	 * flags); the author is notified. Publishes {@link ProposalApproved}.
	 */
	@Transactional
	public ProposalView approve(long id, long expectedVersion, CurrentUser user) {
		Row row = row(id);
		OpportunityView opportunity = opportunities.get(row.opportunityId(), user);
		ProposalView current = view(row, user);
		requireDecision(row, current, user);
		Instant now = time.now();
		bump(row, expectedVersion,
				"status = 'APPROVED', approved_version = current_version, review_comment = null, reviewed_by = :by2, reviewed_at = :at2",
				Map.of("by2", user.username(), "at2", Timestamp.from(now)), user, now);
		closeReviewTask(row, user);
		tellAuthor(row, opportunity, "approved", "Proposal approved: ",
				user.fullName() + " approved version " + row.currentVersion() + ". You can send it to the client now.",
				user);
		audit.recordChanges(ENTITY, id, List.of(new FieldChange("status", row.status().name(), "APPROVED")), user);
		events.publishEvent(new ProposalApproved(row.accountId(), id, row.opportunityId(), row.currentVersion(),
				user.actor(), now));
		return view(row(id), user);
	}

	/**
	 * Returns the version in review to its author with comments (required), who is
	 * notified. Publishes {@link ProposalReturned}.
	 * @throws InvalidInputException naming {@code comment} when it is blank
	 */
	@Transactional
	public ProposalView returnToAuthor(long id, String comment, long expectedVersion, CurrentUser user) {
		Row row = row(id);
		OpportunityView opportunity = opportunities.get(row.opportunityId(), user);
		ProposalView current = view(row, user);
		requireDecision(row, current, user);
		if (comment == null || comment.isBlank()) {
			throw new InvalidInputException("comment", "Say what should change before it can be approved");
		}
		if (comment.trim().length() > 2000) {
			throw new InvalidInputException("comment", "Keep the comments under 2,000 characters");
		}
		Instant now = time.now();
		bump(row, expectedVersion,
				"status = 'RETURNED', review_comment = :comment, reviewed_by = :by2, reviewed_at = :at2",
				Map.of("comment", comment.trim(), "by2", user.username(), "at2", Timestamp.from(now)), user, now);
		closeReviewTask(row, user);
		tellAuthor(row, opportunity, "returned-v" + row.currentVersion(), "Proposal returned: ",
				user.fullName() + " returned version " + row.currentVersion() + " with comments:\n\n" + comment.trim(),
				user);
		audit.recordChanges(ENTITY, id, List.of(new FieldChange("status", row.status().name(), "RETURNED"),
				new FieldChange("reviewComment", null, comment.trim())), user);
		events.publishEvent(new ProposalReturned(row.accountId(), id, row.opportunityId(), row.currentVersion(),
				comment.trim(), user.actor(), now));
		return view(row(id), user);
	}

	/**
	 * Sends the approved version: renders it as a PDF, keeps it as the proposal's sent
	 * document, and moves the opportunity to PROPOSAL when it is earlier. Publishes
	 * {@link ProposalSent}.
	 * @throws InvalidInputException naming {@code status} when the current version is not
	 * approved
	 */
	@Transactional
	public ProposalView send(long id, long expectedVersion, CurrentUser user) {
		Row row = row(id);
		OpportunityView opportunity = opportunities.get(row.opportunityId(), user);
		requireEdit(opportunity, user);
		ProposalView current = view(row, user);
		if (!current.sendable()) {
			throw new InvalidInputException("status",
					row.status() == ProposalStatus.SENT ? "This version was sent already"
							: "Only an approved proposal can be sent; request a review of version "
									+ row.currentVersion() + " first");
		}
		if (row.version() != expectedVersion) {
			throw new StaleVersionException("Proposal for " + opportunity.title(), id, expectedVersion, row.version());
		}
		AccountDetails account = accounts.get(row.accountId(), user);
		ProposalDocument.Rendered pdf = document.render(current, account, time.today(user.timeZone()));
		Instant now = time.now();
		bump(row, expectedVersion,
				"status = 'SENT', sent_version = current_version, sent_at = :at2, sent_by = :by2, sent_pdf = :pdf",
				Map.of("at2", Timestamp.from(now), "by2", user.username(), "pdf", pdf.bytes()), user, now);
		if (opportunity.stage().ordinal() < OpportunityStage.PROPOSAL.ordinal()) {
			opportunities.moveTo(opportunity.id(), OpportunityStage.PROPOSAL, opportunity.stamp().version(), user);
		}
		audit.recordChanges(ENTITY, id, List.of(new FieldChange("status", row.status().name(), "SENT"),
				new FieldChange("sentVersion", null, String.valueOf(row.currentVersion()))), user);
		events.publishEvent(new ProposalSent(row.accountId(), id, row.opportunityId(), row.currentVersion(),
				pdf.pages(), user.actor(), now));
		return view(row(id), user);
	}

	// ------------------------------------------------------------------ rules

	private void requireEdit(OpportunityView opportunity, CurrentUser user) {
		if (!opportunities.canEdit(opportunity.id(), user)) {
			throw new AccessDeniedException("You may work on proposals only for the opportunities you keep");
		}
	}

	private void requireDecision(Row row, ProposalView current, CurrentUser user) {
		if (!user.hasRole(Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN)) {
			throw new AccessDeniedException("Sales directors and executives approve proposals");
		}
		if (!ProposalAuthority.mayApprove(user, current.needsDirector())) {
			throw new AccessDeniedException("This proposal " + String.join("; ", current.flags())
					+ ": only a sales director or an executive may decide on it");
		}
		if (row.status() != ProposalStatus.IN_REVIEW) {
			throw new InvalidInputException("status",
					"Only a proposal in review can be approved or returned (this one is "
							+ row.status().label().toLowerCase(Locale.ROOT) + ")");
		}
	}

	/** The user's sales director; else the account manager's; else any sales director. */
	Optional<UserSummary> reviewerFor(CurrentUser user, OpportunityView opportunity) {
		Optional<UserSummary> mine = users.reportsTo(user.id())
			.filter(u -> u.role() == Role.SALES_DIRECTOR && u.enabled());
		if (mine.isPresent()) {
			return mine;
		}
		if (opportunity.ownerId() != null) {
			Optional<UserSummary> owners = users.reportsTo(opportunity.ownerId())
				.filter(u -> u.role() == Role.SALES_DIRECTOR && u.enabled());
			if (owners.isPresent()) {
				return owners;
			}
		}
		return users.withRoles(Role.SALES_DIRECTOR)
			.stream()
			.filter(UserSummary::enabled)
			.filter(u -> u.id() != user.id())
			.findFirst();
	}

	private void closeReviewTask(Row row, CurrentUser user) {
		if (row.reviewTaskId() == null) {
			return;
		}
		TaskView task;
		try {
			task = tasks.get(row.reviewTaskId(), user);
		}
		catch (RuntimeException gone) {
			return;
		}
		if (task.open() && tasks.canChange(task, user)) {
			tasks.complete(task.id(), task.version(), user);
		}
	}

	private void tellAuthor(Row row, OpportunityView opportunity, String occasion, String prefix, String body,
			CurrentUser user) {
		String author = jdbc.sql("select author from proposal_version where proposal_id = :id and number = :n")
			.param("id", row.id())
			.param("n", row.currentVersion())
			.query(String.class)
			.single();
		Set<Long> to = new java.util.HashSet<>();
		users.findByUsername(author).ifPresent(u -> to.add(u.id()));
		if (opportunity.ownerId() != null) {
			to.add(opportunity.ownerId());
		}
		notifications.send(new Notice(RevenueNotificationKinds.PROPOSAL_DECISION, row.accountId(), ENTITY, row.id(),
				occasion + "-v" + row.currentVersion(),
				prefix + opportunity.accountName() + " – " + opportunity.title(), body, "/proposals/" + row.id(), null,
				to, user.actor()));
	}

	private ProposalForm check(ProposalForm form) {
		List<FieldError> errors = new ArrayList<>();
		if (form == null) {
			throw new InvalidInputException("body", "is required");
		}
		if (form.title() == null || form.title().isBlank()) {
			errors.add(new FieldError("title", "must not be blank"));
		}
		else if (form.title().trim().length() > 300) {
			errors.add(new FieldError("title", "must be at most 300 characters"));
		}
		for (ProposalSection section : ProposalSection.values()) {
			if (form.section(section).length() > MAX_SECTION) {
				errors.add(new FieldError("sections." + section.name(),
						section.label() + " must be at most " + MAX_SECTION + " characters"));
			}
		}
		List<ProposalForm.Rate> rates = form.rates() == null ? List.of() : form.rates();
		for (int i = 0; i < rates.size(); i++) {
			ProposalForm.Rate rate = rates.get(i);
			if (rate == null || rate.role() == null || rate.role().isBlank()) {
				errors.add(new FieldError("rates[" + i + "].role", "must not be blank"));
			}
			if (rate == null || rate.rate() == null) {
				errors.add(new FieldError("rates[" + i + "].rate", "Enter an hourly rate, e.g. 65"));
			}
			else if (rate.rate().signum() <= 0 || rate.rate().scale() > 2
					|| rate.rate().compareTo(BigDecimal.valueOf(100_000)) >= 0) {
				errors.add(new FieldError("rates[" + i + "].rate",
						"must be an hourly rate above 0 with at most 2 decimals"));
			}
		}
		BigDecimal discount = form.discountPercent() == null ? BigDecimal.ZERO : form.discountPercent();
		if (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) >= 0 || discount.scale() > 2) {
			errors.add(new FieldError("discountPercent", "must be a percentage from 0 to under 100"));
		}
		positive(form.lowRoles(), "lowRoles", 1000, errors);
		positive(form.lowMonths(), "lowMonths", 120, errors);
		positive(form.highRoles(), "highRoles", 1000, errors);
		positive(form.highMonths(), "highMonths", 120, errors);
		positive(form.hoursPerMonth(), "hoursPerMonth", 744, errors);
		if (errors.isEmpty() && (form.highRoles() < form.lowRoles() || form.highMonths() < form.lowMonths())) {
			errors.add(new FieldError(form.highRoles() < form.lowRoles() ? "highRoles" : "highMonths",
					"the optimistic case must not be below the conservative one"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Map<ProposalSection, String> sections = new EnumMap<>(ProposalSection.class);
		for (ProposalSection section : ProposalSection.values()) {
			sections.put(section, form.section(section).replace("\r\n", "\n").strip());
		}
		return new ProposalForm(form.title().trim(), sections,
				rates.stream().map(r -> new ProposalForm.Rate(r.role().trim(), r.rate())).toList(), discount,
				form.lowRoles(), form.lowMonths(), form.highRoles(), form.highMonths(), form.hoursPerMonth());
	}

	private static void positive(Integer value, String field, int max, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(field, "is required"));
		}
		else if (value < 1 || value > max) {
			errors.add(new FieldError(field, "must be from 1 to " + max));
		}
	}

	// ------------------------------------------------------------------ prefill

	private ContractView contractOf(long accountId, CurrentUser user) {
		List<ContractView> all;
		try {
			all = contracts.forAccount(accountId, user);
		}
		catch (AccessDeniedException e) {
			return null;
		}
		return all.stream()
			.filter(c -> c.status() == ContractStatus.ACTIVE)
			.sorted(java.util.Comparator.comparing((ContractView c) -> c.type() == ContractType.MSA ? 0 : 1)
				.thenComparing(c -> c.rates().isEmpty() ? 1 : 0))
			.findFirst()
			.orElse(null);
	}

	private static Map<String, ContractRateView> rateCard(ContractView contract) {
		Map<String, ContractRateView> card = new HashMap<>();
		if (contract != null) {
			contract.rates().forEach(r -> card.put(r.role().toLowerCase(Locale.ROOT), r));
		}
		return card;
	}

	private static final Set<String> CREATIVE = Set.of("designer", "marketing", "content", "social", "creative");

	ProposalForm prefill(OpportunityView opportunity, AccountDetails account, ContractView contract, CurrentUser user) {
		LocalDate today = time.organizationToday();
		String name = account.name();
		boolean creative = CREATIVE.stream()
			.anyMatch(word -> opportunity.title().toLowerCase(Locale.ROOT).contains(word.substring(0, 5)));
		List<ContractRateView> card = contract == null ? List.of() : contract.rates();
		List<ContractRateView> roles = card.stream()
			.filter(r -> creative == CREATIVE.stream().anyMatch(w -> r.role().toLowerCase(Locale.ROOT).contains(w)))
			.toList();
		if (roles.isEmpty()) {
			roles = card;
		}
		List<ProposalForm.Rate> rates = roles.stream().map(r -> new ProposalForm.Rate(r.role(), r.minRate())).toList();

		HiringFacts hiring = staffing.hiring(today, 3650, AccountScope.of(List.of(account.id()))).get(account.id());
		long months = account.relationshipStart() == null ? 0
				: ChronoUnit.MONTHS.between(account.relationshipStart(), today);
		StringBuilder summary = new StringBuilder(name);
		if (account.relationshipStart() != null) {
			summary.append(" has worked with InTime since ")
				.append(MONTH.format(account.relationshipStart()))
				.append(" (")
				.append(months)
				.append(months == 1 ? " month" : " months")
				.append(")");
		}
		else {
			summary.append(" works with InTime");
		}
		int hires = hiring == null ? 0 : hiring.hires();
		summary.append(hires > 0 ? ", with " + hires + (hires == 1 ? " placement" : " placements") + " so far" : "");
		if (hiring != null && hiring.lastHireTitle() != null) {
			summary.append(", most recently a ").append(hiring.lastHireTitle());
		}
		summary.append(". This proposal outlines an expansion of that partnership – ")
			.append(opportunity.title())
			.append(" – with contract talent from the same team, on the terms you already know.");

		StringBuilder scope = new StringBuilder("Opportunity: ").append(opportunity.title()).append('\n');
		scope.append("Estimated roles: 6-8 contractors over the next 6-9 months\nRole types:\n");
		for (ProposalForm.Rate r : rates) {
			scope.append("• ").append(r.role()).append('\n');
		}

		StringBuilder terms = new StringBuilder();
		if (contract != null) {
			terms.append("Rate structure: based on the existing ")
				.append(contract.type())
				.append(' ')
				.append(contract.number())
				.append(" (see the rate table)\n");
			terms.append("Payment terms: ").append(contract.paymentTerms()).append(" (existing terms maintained)\n");
		}
		else {
			terms.append("Rate structure: see the rate table\nPayment terms: Net 30\n");
		}
		terms.append("Contract type: W2 contractors via InTime");

		StringBuilder team = new StringBuilder();
		recommendedRecruiter(account, user).ifPresent(r -> {
			team.append("Proposed recruiter: ").append(r.recruiter().name());
			if (r.recruiter().title() != null) {
				team.append(", ").append(r.recruiter().title());
			}
			team.append('\n');
			if (!r.recruiter().specialties().isEmpty()) {
				team.append("• Specialty: ").append(String.join(", ", r.recruiter().specialties())).append('\n');
			}
			r.reasons().stream().limit(2).forEach(reason -> team.append("• ").append(reason).append('\n'));
			team.append('\n');
		});
		team.append("Account manager: ")
			.append(account.ownerName() == null ? user.fullName() : account.ownerName())
			.append(" (continuity)");

		String timeline = """
				Week 1: Contract amendment signed, kickoff meeting scheduled
				Week 2: Recruiter assigned
				Week 3: First job requisitions opened
				Week 4-6: Candidate submissions begin""";

		ContactView champion = null;
		List<ContactView> people = contacts.forAccount(account.id(), user);
		if (opportunity.championId() != null) {
			champion = people.stream().filter(c -> c.id() == opportunity.championId()).findFirst().orElse(null);
		}
		if (champion == null) {
			champion = people.stream().filter(ContactView::active).findFirst().orElse(null);
		}
		String nextSteps = "1. Review and feedback on this proposal (by " + DAY.format(today.plusDays(7)) + ")\n"
				+ "2. Schedule a kickoff meeting with " + (champion == null ? "your leadership" : champion.name())
				+ "\n3. Execute the contract amendment (1-week legal review)";
		UserSummary manager = users.find(account.ownerId() == null ? user.id() : account.ownerId()).orElse(null);
		StringBuilder contact = new StringBuilder();
		if (manager != null) {
			contact.append(manager.fullName())
				.append(", ")
				.append(manager.title() == null ? "Account Manager" : manager.title())
				.append(", InTime\n")
				.append(manager.email());
		}
		if (champion != null) {
			contact.append("\n\nFor ")
				.append(name)
				.append(": ")
				.append(champion.name())
				.append(champion.title() == null ? "" : ", " + champion.title());
		}
		Map<ProposalSection, String> sections = new EnumMap<>(ProposalSection.class);
		sections.put(ProposalSection.SUMMARY, summary.toString());
		sections.put(ProposalSection.SCOPE, scope.toString().strip());
		sections.put(ProposalSection.TERMS, terms.toString());
		sections.put(ProposalSection.TEAM, team.toString().strip());
		sections.put(ProposalSection.TIMELINE, timeline);
		sections.put(ProposalSection.NEXT_STEPS, nextSteps);
		sections.put(ProposalSection.CONTACT, contact.toString().strip());
		return new ProposalForm(name + " – " + opportunity.title(), sections, rates, BigDecimal.ZERO, 6, 6, 8, 9, 160);
	}

	private Optional<RecruiterRanking.Ranked> recommendedRecruiter(AccountDetails account, CurrentUser user) {
		List<RecruiterView> candidates = recruiters.options(user)
			.stream()
			.filter(r -> r.active() && r.role() == Role.RECRUITER)
			.toList();
		return RecruiterRanking.rank(candidates, account.industry(), Map.of()).stream().findFirst();
	}

	// ------------------------------------------------------------------ storage

	record Row(long id, long opportunityId, long accountId, String currency, ProposalStatus status, int currentVersion,
			Integer approvedVersion, Long reviewerId, Long reviewTaskId, String reviewComment, String reviewedBy,
			Instant reviewedAt, Integer sentVersion, Instant sentAt, String sentBy, boolean hasPdf, long version) {
	}

	private Row row(long id) {
		return jdbc.sql("""
				select id, opportunity_id, account_id, currency, status, current_version, approved_version, reviewer_id,
				       review_task_id, review_comment, reviewed_by, reviewed_at, sent_version, sent_at, sent_by,
				       sent_pdf is not null, version
				  from proposal where id = :id""")
			.param("id", id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					ProposalStatus.valueOf(rs.getString(5)), rs.getInt(6), (Integer) rs.getObject(7),
					rs.getObject(8) == null ? null : rs.getLong(8), rs.getObject(9) == null ? null : rs.getLong(9),
					rs.getString(10), rs.getString(11),
					rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), (Integer) rs.getObject(13),
					rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(15),
					rs.getBoolean(16), rs.getLong(17)))
			.optional()
			.orElseThrow(() -> new NotFoundException("Proposal", id));
	}

	/** The write with its version check: {@code where id = ? and version = ?}. */
	private void bump(Row row, long expectedVersion, String set, Map<String, Object> params, CurrentUser user,
			Instant at) {
		int updated = jdbc.sql("update proposal set " + set
				+ ", version = version + 1, updated_at = :at, updated_by = :by where id = :id and version = :version")
			.params(params)
			.param("at", Timestamp.from(at))
			.param("by", user.username())
			.param("id", row.id())
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersionException("Proposal", row.id(), expectedVersion, row(row.id()).version());
		}
	}

	private void insertVersion(long id, int number, ProposalForm form, Map<String, ContractRateView> card,
			CurrentUser user, Instant at) {
		jdbc.sql("""
				insert into proposal_version (proposal_id, number, title, discount_percent, low_roles, low_months,
				       high_roles, high_months, hours_per_month, author, author_name, created_at)
				values (:id, :n, :title, :discount, :lr, :lm, :hr, :hm, :hours, :author, :name, :at)""")
			.param("id", id)
			.param("n", number)
			.param("title", form.title())
			.param("discount", form.discountPercent())
			.param("lr", form.lowRoles())
			.param("lm", form.lowMonths())
			.param("hr", form.highRoles())
			.param("hm", form.highMonths())
			.param("hours", form.hoursPerMonth())
			.param("author", user.username())
			.param("name", user.fullName())
			.param("at", Timestamp.from(at))
			.update();
		for (ProposalSection section : ProposalSection.values()) {
			jdbc.sql(
					"insert into proposal_section (proposal_id, version_number, section, body) values (:id, :n, :s, :b)")
				.param("id", id)
				.param("n", number)
				.param("s", section.name())
				.param("b", form.section(section))
				.update();
		}
		int position = 0;
		for (ProposalForm.Rate rate : form.rates()) {
			ContractRateView onCard = card.get(rate.role().toLowerCase(Locale.ROOT));
			jdbc.sql(
					"""
							insert into proposal_rate_line (proposal_id, version_number, position, role, rate, card_min, card_max)
							values (:id, :n, :p, :role, :rate, :min, :max)""")
				.param("id", id)
				.param("n", number)
				.param("p", position++)
				.param("role", rate.role())
				.param("rate", rate.rate())
				.param("min", onCard == null ? null : onCard.minRate())
				.param("max", onCard == null ? null : onCard.maxRate())
				.update();
		}
	}

	private ProposalView.Content content(long id, int number) {
		Map<ProposalSection, String> sections = new EnumMap<>(ProposalSection.class);
		jdbc.sql("select section, body from proposal_section where proposal_id = :id and version_number = :n")
			.param("id", id)
			.param("n", number)
			.query(rs -> {
				sections.put(ProposalSection.valueOf(rs.getString(1)), rs.getString(2));
			});
		List<ProposalView.RateLine> rates = jdbc.sql("""
				select role, rate, card_min, card_max from proposal_rate_line
				 where proposal_id = :id and version_number = :n order by position""")
			.param("id", id)
			.param("n", number)
			.query((rs, i) -> new ProposalView.RateLine(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4)))
			.list();
		return jdbc.sql("""
				select title, discount_percent, low_roles, low_months, high_roles, high_months, hours_per_month,
				       author, author_name, created_at
				  from proposal_version where proposal_id = :id and number = :n""")
			.param("id", id)
			.param("n", number)
			.query((rs, i) -> new ProposalView.Content(number, rs.getString(1), sections, rates, rs.getBigDecimal(2),
					rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8),
					rs.getString(9), rs.getTimestamp(10).toInstant()))
			.optional()
			.orElseThrow(() -> new InvalidInputException("version", "Proposal " + id + " has no version " + number));
	}

	private ProposalView view(Row row, CurrentUser user) {
		OpportunityView opportunity = opportunities.get(row.opportunityId(), user);
		ProposalView.Content content = content(row.id(), row.currentVersion());
		List<String> flags = ProposalAuthority.flags(content.rates()
			.stream()
			.map(r -> new ProposalAuthority.Line(r.role(), r.rate(), r.cardMin(), r.cardMax()))
			.toList(), content.discountPercent(), authorityPercent, row.currency());
		ProjectedValue projection = ProjectedValue.of(
				content.rates().stream().map(ProposalView.RateLine::rate).toList(), content.discountPercent(),
				content.lowRoles(), content.lowMonths(), content.highRoles(), content.highMonths(),
				content.hoursPerMonth(), row.currency());
		List<ProposalView.VersionInfo> versions = jdbc.sql(
				"select number, author_name, created_at from proposal_version where proposal_id = :id order by number desc")
			.param("id", row.id())
			.query((rs, i) -> new ProposalView.VersionInfo(rs.getInt(1), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.list();
		return new ProposalView(row.id(), row.opportunityId(), row.accountId(), opportunity.accountName(),
				opportunity.title(), row.currency(), row.status(), row.currentVersion(), row.approvedVersion(),
				row.reviewerId(), row.reviewerId() == null ? null : reviewerName(row), row.reviewComment(),
				row.reviewedBy(), row.reviewedAt(), row.sentVersion(), row.sentAt(), row.sentBy(), row.hasPdf(),
				content, flags, projection, versions, row.version());
	}

	private String reviewerName(Row row) {
		return row.reviewerId() == null ? "a sales director"
				: users.find(row.reviewerId()).map(UserSummary::fullName).orElse("a sales director");
	}

	private static ZoneId zone(UserSummary user) {
		return user.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(user.timeZone());
	}

}
