package io.intime.qbr.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.qbr.QbrCompletion;
import io.intime.qbr.QbrCompletionRate;
import io.intime.qbr.QbrScheduleForm;
import io.intime.qbr.QbrScheduling;
import io.intime.qbr.QbrStatus;
import io.intime.qbr.QbrView;
import io.intime.qbr.Qbrs;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * QBRs over REST, the calendar's side: the list (paged, by account, due date and status),
 * scheduling a planned QBR or planning and scheduling one in a single call, and the
 * completion rate per account manager and team.
 */
@RestController
@Tag(name = "QBRs", description = "Quarterly business reviews: calendar, cadence, scheduling and completion (spec 03)")
class QbrCalendarApi {

	/** The meeting of a QBR as a request gives it. */
	record ScheduleRequest(Long version, String title, LocalDate date, LocalTime start, Integer durationMinutes,
			String timeZone, String location, String videoLink, String agenda, List<Long> userIds,
			List<Long> contactIds) {
	}

	/** An account's QBR to plan (when it has none for the quarter) and schedule. */
	record CreateRequest(Long accountId, String quarter, String title, LocalDate date, LocalTime start,
			Integer durationMinutes, String timeZone, String location, String videoLink, String agenda,
			List<Long> userIds, List<Long> contactIds) {
	}

	/** A completion rate as the API gives it. */
	record Rate(int due, int completed, BigDecimal percent, int deckReady, int executiveAttended, int actionItems,
			int followUp) {

		static Rate of(QbrCompletionRate r) {
			return new Rate(r.due(), r.completed(), r.percent(), r.deckReady(), r.executiveAttended(), r.actionItems(),
					r.followUp());
		}

	}

	record OwnerRate(long ownerId, String ownerName, Rate rate) {
	}

	record Completion(LocalDate from, LocalDate to, Rate total, List<OwnerRate> owners) {
	}

	private final Qbrs qbrs;

	private final QbrScheduling scheduling;

	private final QbrCompletion completion;

	private final UserDirectory users;

	private final JsonForms forms;

	QbrCalendarApi(Qbrs qbrs, QbrScheduling scheduling, QbrCompletion completion, UserDirectory users,
			JsonForms forms) {
		this.qbrs = qbrs;
		this.scheduling = scheduling;
		this.completion = completion;
		this.users = users;
		this.forms = forms;
	}

	@GetMapping("/api/v1/qbrs")
	@Operation(summary = "List QBRs",
			description = "The QBRs of the accounts you may read (an account manager: their own), of one account with "
					+ "`accountId`, whose due date falls from `from` to `to` (ISO dates, each optional), in one `status` "
					+ "(PLANNED, SCHEDULED, COMPLETED, CANCELLED); by due date, paged. A scheduled QBR carries its "
					+ "meeting's current start.")
	PageResult<QbrView> list(@RequestParam(required = false) Long accountId,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) QbrStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidInputException("to", "must not be before from");
		}
		PageRequest request = new PageRequest(page, size);
		// a QBR whose meeting was cancelled in the calendar is planned again before it is
		// read
		java.util.Set<Long> visible = qbrs.visibleAccounts(user).keySet();
		scheduling.releaseCancelledMeetings(
				accountId == null ? visible : visible.contains(accountId) ? List.of(accountId) : List.of());
		return qbrs.search(accountId, from, to, status, request, user);
	}

	@PostMapping(path = "/api/v1/qbrs", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Plan and schedule a QBR",
			description = "Body: accountId, quarter (e.g. 2026-Q4; default the account's oldest planned QBR, else the "
					+ "first quarter from now without one), and the meeting: date, start, durationMinutes (90), "
					+ "timeZone (yours), location, videoLink, agenda, title (\"<Account> QBR – Q4 2026\"), userIds and "
					+ "contactIds (at least one person from the client). Makes the meeting with its invitations; "
					+ "201 with the QBR.")
	ResponseEntity<QbrView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		CreateRequest r = forms.create(forms.object(body), CreateRequest.class, Map.of());
		QbrView scheduled = scheduling.schedule(new QbrScheduleForm(null, r.accountId(), r.quarter(), null, r.title(),
				r.date(), r.start(), r.durationMinutes(), r.timeZone(), r.location(), r.videoLink(), r.agenda(),
				r.userIds(), r.contactIds()), user);
		return ResponseEntity.created(URI.create("/api/v1/qbrs/" + scheduled.id())).body(scheduled);
	}

	@PostMapping(path = "/api/v1/qbrs/{id}/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Schedule a planned QBR",
			description = "Body: version (the QBR's, as read), and the meeting: date, start, durationMinutes (90), "
					+ "timeZone, location, videoLink, agenda, title, userIds and contactIds (at least one person from "
					+ "the client). Makes the meeting with its invitations and links it; a stale version is a 409.")
	QbrView schedule(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ScheduleRequest r = forms.create(forms.object(body), ScheduleRequest.class, Map.of());
		if (r.version() == null) {
			throw new InvalidInputException("version", "Give the version you read");
		}
		return scheduling.schedule(
				new QbrScheduleForm(id, null, null, r.version(), r.title(), r.date(), r.start(), r.durationMinutes(),
						r.timeZone(), r.location(), r.videoLink(), r.agenda(), r.userIds(), r.contactIds()),
				user);
	}

	@GetMapping("/api/v1/qbrs/completion")
	@Operation(summary = "QBR completion rate",
			description = "Spec 03: QBRs completed / QBRs due by cadence, with the quality criteria (deck ready 3 days "
					+ "before, executive attendance, action items documented, follow-up within a week), for the QBRs due "
					+ "from `from` to `to` (default the last 12 months). One account manager with `ownerId` (account "
					+ "managers: only themselves, the default); without it a sales director gets their team and "
					+ "executives and admins every account manager, each with the total.")
	Completion completion(@RequestParam(required = false) Long ownerId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, CurrentUser user) {
		Qbrs.requireReader(user);
		LocalDate[] period = completion.lastTwelveMonths();
		LocalDate start = from != null ? from : period[0];
		LocalDate end = to != null ? to : period[1];
		if (end.isBefore(start)) {
			throw new InvalidInputException("to", "must not be before from");
		}
		List<UserSummary> owners;
		if (ownerId != null || user.hasRole(Role.ACCOUNT_MANAGER)) {
			long id = ownerId != null ? ownerId : user.id();
			if (user.hasRole(Role.ACCOUNT_MANAGER) && id != user.id()) {
				throw new AccessDeniedException("Account managers see their own QBR completion");
			}
			owners = List.of(users.find(id).orElseThrow(() -> new NotFoundException("User", id)));
		}
		else {
			owners = user.hasRole(Role.SALES_DIRECTOR) ? users.directReports(user.id()) : List.of();
			if (owners.isEmpty()) {
				owners = users.withRoles(Role.ACCOUNT_MANAGER);
			}
			owners = owners.stream().filter(u -> u.role() == Role.ACCOUNT_MANAGER).toList();
		}
		Map<Long, QbrCompletionRate> rates = completion.byOwner(owners.stream().map(UserSummary::id).toList(), start,
				end);
		List<OwnerRate> list = new ArrayList<>();
		QbrCompletionRate total = QbrCompletionRate.none();
		for (UserSummary u : owners) {
			QbrCompletionRate r = rates.getOrDefault(u.id(), QbrCompletionRate.none());
			total = total.plus(r);
			list.add(new OwnerRate(u.id(), u.fullName(), Rate.of(r)));
		}
		return new Completion(start, end, Rate.of(total), list);
	}

}
