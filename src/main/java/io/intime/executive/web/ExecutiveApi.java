package io.intime.executive.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountManagement;
import io.intime.executive.AccountDashboard;
import io.intime.executive.DashboardView;
import io.intime.executive.DedicatedRecruiters;
import io.intime.executive.ExecutiveCalls;
import io.intime.executive.ExecutiveNotes;
import io.intime.executive.PlanProgress;
import io.intime.executive.PortfolioView;
import io.intime.executive.RecoveryPlans;
import io.intime.executive.StrategicPortfolio;
import io.intime.executive.TaskForces;
import io.intime.identity.CurrentUser;
import io.intime.shared.Money;
import io.intime.shared.web.JsonForms;
import io.intime.shared.web.MoneyInput;
import io.intime.staffing.RecruiterAssignments;
import io.intime.staffing.RecruiterRanking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The executive's strategic accounts over REST: what the pages do (spec 01), under the
 * same rules.
 */
@RestController
@Tag(name = "Strategic accounts",
		description = "The executive's portfolio, the account health dashboard, notes, recovery plans, calls, dedicated recruiters")
class ExecutiveApi {

	record NoteRequest(String body, Long version) {
	}

	record EscalationRequest(String reason, List<Long> memberIds, Instant followUpAt) {
	}

	record CloseRequest(Boolean achieved, Long version) {
	}

	record AssignmentRequest(Long recruiterId, String type, Integer durationDays, Integer ttfSlaDays,
			Boolean dailyUpdates, Boolean weeklyBriefings, MoneyInput bonus, Integer bonusHealthTarget) {
	}

	record CallRequest(Instant slot, LocalDate date, LocalTime time, Integer durationMinutes, String meetingType,
			String location, List<Long> userIds, List<Long> contactIds, String subject, String agenda, String message) {
	}

	private final StrategicPortfolio portfolio;

	private final AccountDashboard dashboard;

	private final AccountManagement accounts;

	private final ExecutiveNotes notes;

	private final RecoveryPlans plans;

	private final TaskForces taskForces;

	private final DedicatedRecruiters recruiters;

	private final ExecutiveCalls calls;

	private final JsonForms forms;

	ExecutiveApi(StrategicPortfolio portfolio, AccountDashboard dashboard, AccountManagement accounts,
			ExecutiveNotes notes, RecoveryPlans plans, TaskForces taskForces, DedicatedRecruiters recruiters,
			ExecutiveCalls calls, JsonForms forms) {
		this.portfolio = portfolio;
		this.dashboard = dashboard;
		this.accounts = accounts;
		this.notes = notes;
		this.plans = plans;
		this.taskForces = taskForces;
		this.recruiters = recruiters;
		this.calls = calls;
		this.forms = forms;
	}

	@GetMapping("/api/v1/strategic-accounts")
	@Operation(summary = "The strategic accounts portfolio",
			description = "Executives: the accounts they sponsor; sales directors: their team's strategic accounts.")
	PortfolioView portfolio(CurrentUser user) {
		return portfolio.of(user);
	}

	@GetMapping("/api/v1/accounts/{id}/executive-dashboard")
	@Operation(summary = "The account health dashboard", description = "Overview, health breakdown, critical issues, "
			+ "recommendations, timeline, notes (executives and the account manager), plan, recruiter, credits.")
	DashboardView dashboard(@PathVariable long id, CurrentUser user) {
		return dashboard.refresh(id, user);
	}

	@PostMapping("/api/v1/accounts/{id}/review")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Acknowledge: record the executive's review (strategic_account.reviewed)")
	void review(@PathVariable long id, CurrentUser user) {
		DashboardView view = dashboard.refresh(id, user);
		accounts.acknowledge(id, view.health() == null ? null : view.health().score(), user);
	}

	@GetMapping("/api/v1/accounts/{id}/executive-notes")
	@Operation(summary = "The executive notes' versions, latest first")
	List<ExecutiveNotes.Note> notes(@PathVariable long id, CurrentUser user) {
		return notes.history(id, user);
	}

	@PostMapping(path = "/api/v1/accounts/{id}/executive-notes", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Save the executive notes as a new version",
			description = "Body: body, version (the latest you read, 0 for none; an older one is a 409).")
	ExecutiveNotes.Note saveNotes(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		NoteRequest r = forms.create(forms.object(body), NoteRequest.class, Map.of("version", 0));
		return notes.save(id, r.body(), r.version(), user);
	}

	@PostMapping(path = "/api/v1/accounts/{id}/escalate-further", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Escalate further (flow A1)",
			description = "Executives. Body: reason, memberIds, followUpAt (within 24 hours). Flags the account critical, "
					+ "makes the caller its sponsor, gives the task force and the follow-up their tasks.")
	Map<String, Integer> escalate(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		EscalationRequest r = forms.create(forms.object(body), EscalationRequest.class, Map.of());
		return Map.of("tasks",
				taskForces.escalate(id, new TaskForces.Escalation(r.reason(), r.memberIds(), r.followUpAt()), user));
	}

	@PostMapping(path = "/api/v1/accounts/{id}/recovery-plans", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Make the account's recovery plan",
			description = "Body: title, endsOn, goals [{measure HEALTH|NPS|TIME_TO_FILL|FALLOFFS|RENEWAL, target, dueOn}], "
					+ "actions [{title, assigneeId, dueDate}] (tasks).")
	ResponseEntity<PlanProgress> createPlan(@PathVariable long id, @RequestBody(required = false) byte[] body,
			CurrentUser user) {
		RecoveryPlans.PlanForm form = forms.create(forms.object(body), RecoveryPlans.PlanForm.class, Map.of());
		PlanProgress plan = plans.create(id, form, user);
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + id + "/executive-dashboard")).body(plan);
	}

	@PostMapping(path = "/api/v1/recovery-plans/{planId}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Close a recovery plan", description = "Body: achieved, version.")
	void closePlan(@PathVariable long planId, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		CloseRequest r = forms.create(json, CloseRequest.class, Map.of("achieved", false));
		plans.close(planId, Boolean.TRUE.equals(r.achieved()), version, user);
	}

	@GetMapping("/api/v1/accounts/{id}/recruiter-ranking")
	@Operation(summary = "Recruiters ranked for a dedicated assignment, with their score and reasons")
	List<RecruiterRanking.Ranked> ranking(@PathVariable long id, CurrentUser user) {
		return recruiters.ranking(id, user);
	}

	@PostMapping(path = "/api/v1/accounts/{id}/recruiter-assignments", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Dedicate a recruiter to the account",
			description = "Executives and sales directors. Body: recruiterId, type DEDICATED|PRIMARY|SUPPORT, durationDays, "
					+ "ttfSlaDays, dailyUpdates, weeklyBriefings, bonus {amount, currency}, bonusHealthTarget. "
					+ "A recruiter without capacity is a 400 on recruiterId: \"Selected recruiter not available\".")
	RecruiterAssignments.Assignment assign(@PathVariable long id, @RequestBody(required = false) byte[] body,
			CurrentUser user) {
		AssignmentRequest r = forms.create(forms.object(body), AssignmentRequest.class,
				Map.of("type", "DEDICATED", "durationDays", 90, "dailyUpdates", false, "weeklyBriefings", false));
		if (r.recruiterId() == null) {
			throw new io.intime.shared.InvalidInputException("recruiterId", "is required");
		}
		Money bonus = r.bonus() == null || r.bonus().amount() == null ? null
				: new Money(r.bonus().amount(), r.bonus().currency() == null ? "USD" : r.bonus().currency());
		return recruiters.assign(id, r.recruiterId(),
				new RecruiterAssignments.Terms(r.type(), r.durationDays(), r.ttfSlaDays(),
						Boolean.TRUE.equals(r.dailyUpdates()), Boolean.TRUE.equals(r.weeklyBriefings()), bonus,
						r.bonusHealthTarget()),
				user);
	}

	@PostMapping(path = "/api/v1/accounts/{id}/executive-calls", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Schedule an executive sponsor call",
			description = "Body: slot (an instant) or date and time in your zone, durationMinutes, meetingType "
					+ "VIDEO|PHONE|IN_PERSON, location, userIds, contactIds, subject, agenda, message. Sends the invitation "
					+ "with its .ics and creates the preparation tasks.")
	ExecutiveCalls.Scheduled call(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		CallRequest r = forms.create(forms.object(body), CallRequest.class, Map.of());
		return calls.schedule(id, new ExecutiveCalls.CallForm(r.slot(), r.date(), r.time(), r.durationMinutes(),
				r.meetingType(), r.location(), r.userIds(), r.contactIds(), r.subject(), r.agenda(), r.message()),
				user);
	}

}
