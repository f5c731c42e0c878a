package io.intime.escalations.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationQueue;
import io.intime.escalations.EscalationStatus;
import io.intime.escalations.EscalationView;
import io.intime.escalations.QueueFilter;
import io.intime.escalations.ResolutionCategory;
import io.intime.escalations.Severity;
import io.intime.escalations.SlaPolicies;
import io.intime.escalations.SlaPolicy;
import io.intime.escalations.SlaPolicyForm;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.web.FormErrors;
import io.intime.staffing.JobManagement;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The escalation desk: the queue across accounts (time left on each clock, most urgent
 * first, resolution within SLA per account manager and team), one escalation with its
 * clocks, its moves and its incident log (spec 02 steps 8 and 14), and the SLA policy
 * admins keep.
 */
@Controller
class EscalationDeskPages {

	private final EscalationManagement escalations;

	private final EscalationQueue queue;

	private final SlaPolicies policies;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final JobManagement jobs;

	private final UserDirectory users;

	private final Today time;

	EscalationDeskPages(EscalationManagement escalations, EscalationQueue queue, SlaPolicies policies,
			AccountManagement accounts, ContactManagement contacts, JobManagement jobs, UserDirectory users,
			Today time) {
		this.escalations = escalations;
		this.queue = queue;
		this.policies = policies;
		this.accounts = accounts;
		this.contacts = contacts;
		this.jobs = jobs;
		this.users = users;
		this.time = time;
	}

	// ------------------------------------------------------------------ queue

	@GetMapping("/escalations")
	String queue(@RequestParam(required = false) Severity severity, @RequestParam(required = false) String owner,
			@RequestParam(required = false) Long account, @RequestParam(required = false) Long manager,
			@RequestParam(defaultValue = "open") String view, CurrentUser me, Model model) {
		Long ownerId = owner == null || owner.isBlank() ? null
				: "me".equals(owner) ? me.id() : "none".equals(owner) ? QueueFilter.UNOWNED : parse(owner);
		boolean ended = "ended".equals(view);
		QueueFilter filter = new QueueFilter(severity, ownerId, account, manager, ended);
		model.addAttribute("rows", queue.queue(filter, me));
		model.addAttribute("severity", severity);
		model.addAttribute("owner", owner == null ? "" : owner);
		model.addAttribute("account", account);
		model.addAttribute("manager", manager);
		model.addAttribute("view", ended ? "ended" : "open");
		model.addAttribute("severities", Severity.values());
		model.addAttribute("policy", policies.current());
		model.addAttribute("limit", EscalationQueue.LIMIT);
		List<UserSummary> managers = new ArrayList<>(users.withRoles(Role.ACCOUNT_MANAGER));
		managers.sort(Comparator.comparing(UserSummary::fullName));
		model.addAttribute("managers", managers);
		if (account != null) {
			model.addAttribute("accountName", accounts.get(account, me).name());
		}
		if (escalations.canSeePerformance(me)) {
			model.addAttribute("performance", queue.performance(90, me));
		}
		model.addAttribute("now", time.now());
		return "escalations/queue";
	}

	private static Long parse(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("owner", "is me, none or a user's id");
		}
	}

	// ------------------------------------------------------------------ one escalation

	@GetMapping("/escalations/{id}")
	String escalation(@PathVariable long id, CurrentUser me, Model model) {
		return page(escalations.get(id, me), FormErrors.none(), null, me, model);
	}

	private String page(EscalationView e, FormErrors errors, String openDialog, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(e.accountId(), me);
		model.addAttribute("e", e);
		model.addAttribute("account", account);
		model.addAttribute("log", escalations.incidentLog(e.id(), me));
		model.addAttribute("policy", policies.inForce(e.raisedAt()));
		model.addAttribute("errors", errors);
		model.addAttribute("openDialog", openDialog);
		model.addAttribute("now", time.now());
		model.addAttribute("resolutions", ResolutionCategory.values());
		model.addAttribute("moves", moves(e.status()));
		boolean canChange = escalations.canChange(account, me);
		model.addAttribute("canChange", canChange);
		model.addAttribute("canNote", canChange || escalations.canRaise(me));
		model.addAttribute("canTakeOwnership",
				canChange && !e.status().ended() && (e.ownerId() == null || e.ownerId() != me.id()));
		model.addAttribute("contact", e.contactId() == null ? null : contacts.get(e.contactId(), me));
		model.addAttribute("job", e.jobId() == null || !jobs.canView(account, me) ? null : jobs.get(e.jobId(), me));
		return "escalations/escalation";
	}

	/** The moves the page offers from a status (the guard in the service decides). */
	static List<EscalationStatus> moves(EscalationStatus from) {
		return switch (from) {
			case OPEN -> List.of(EscalationStatus.IN_PROGRESS, EscalationStatus.WAITING_ON_CLIENT,
					EscalationStatus.RESOLVED, EscalationStatus.CLOSED);
			case IN_PROGRESS ->
				List.of(EscalationStatus.WAITING_ON_CLIENT, EscalationStatus.RESOLVED, EscalationStatus.CLOSED);
			case WAITING_ON_CLIENT ->
				List.of(EscalationStatus.IN_PROGRESS, EscalationStatus.RESOLVED, EscalationStatus.CLOSED);
			case RESOLVED -> List.of(EscalationStatus.CLOSED, EscalationStatus.IN_PROGRESS);
			case CLOSED -> List.of(EscalationStatus.IN_PROGRESS);
		};
	}

	@PostMapping("/escalations/{id}/take-ownership")
	String takeOwnership(@PathVariable long id, @RequestParam long version, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		try {
			EscalationView e = escalations.takeOwnership(id, version, me);
			flash.addFlashAttribute("toast",
					"You own " + e.key() + (e.reporterName() != null ? "; " + e.reporterName() + " was notified" : ""));
			return "redirect:/escalations/" + id;
		}
		catch (StaleVersionException e) {
			return stale(id, me, model, response);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return page(escalations.get(id, me), FormErrors.none().addAll(e.errors()), null, me, model);
		}
	}

	@PostMapping("/escalations/{id}/status")
	String move(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) EscalationStatus status,
			@RequestParam(required = false) ResolutionCategory resolutionCategory,
			@RequestParam(required = false) String rootCause, @RequestParam(required = false) String note,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		EscalationView current = escalations.get(id, me);
		if (status == null) {
			response.setStatus(422);
			return page(current, FormErrors.none()
				.addAll(List
					.of(new io.intime.shared.FieldError("status", "is required: choose where the escalation moves"))),
					"move", me, model);
		}
		try {
			var moved = escalations.editable(id, me).form().moved(status, null, resolutionCategory, rootCause);
			EscalationView e = escalations.update(id, moved, version, note, me);
			String within = e.sla() != null && e.status().ended() ? (e.sla().resolutionBreached() ? " · outside its SLA"
					: " · within its SLA (" + EscalationView.text(e.sla().resolutionUsed()) + " of "
							+ EscalationView.text(e.sla().resolutionTarget()) + ")")
					: "";
			flash.addFlashAttribute("toast", e.key() + " is " + e.status().label().toLowerCase() + within);
			return "redirect:/escalations/" + id;
		}
		catch (StaleVersionException e) {
			return stale(id, me, model, response);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("chosen", status);
			model.addAttribute("typedNote", note);
			model.addAttribute("typedRootCause", rootCause);
			return page(current, FormErrors.none().addAll(e.errors()), "move", me, model);
		}
	}

	@PostMapping("/escalations/{id}/notes")
	String note(@PathVariable long id, @RequestParam(required = false) String note, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		try {
			escalations.addNote(id, note, me);
			flash.addFlashAttribute("toast", "Update added to the incident log");
			return "redirect:/escalations/" + id + "#incident-log";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return page(escalations.get(id, me), FormErrors.none().addAll(e.errors()), null, me, model);
		}
	}

	@PostMapping("/escalations/{id}/post-mortem")
	String postMortem(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) String postMortem, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		try {
			escalations.savePostMortem(id, postMortem, version, me);
			flash.addFlashAttribute("toast", "Post-mortem saved");
			return "redirect:/escalations/" + id + "#post-mortem";
		}
		catch (StaleVersionException e) {
			model.addAttribute("typedPostMortem", postMortem);
			return stale(id, me, model, response);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return page(escalations.get(id, me), FormErrors.none().addAll(e.errors()), null, me, model);
		}
	}

	private String stale(long id, CurrentUser me, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("staleMessage",
				"Someone changed this escalation while you were looking at it. Here it is as it stands now; "
						+ "nothing of yours was saved — do it again if it still applies.");
		return page(escalations.get(id, me), FormErrors.none(), null, me, model);
	}

	// ------------------------------------------------------------------ SLA policy

	@GetMapping("/admin/sla-policy")
	String policy(CurrentUser me, Model model) {
		requireAdmin(me);
		return policyPage(policies.form(), policies.current().id(), FormErrors.none(), model);
	}

	@PostMapping("/admin/sla-policy")
	String savePolicy(@RequestParam MultiValueMap<String, String> params, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		requireAdmin(me);
		List<io.intime.shared.FieldError> parseErrors = new ArrayList<>();
		SlaPolicyForm form = SlaPolicyFormData.read(params, parseErrors);
		long expected = Long.parseLong(params.getFirst("policyId"));
		// what the admin typed is shown again as typed, also what could not be read
		model.addAttribute("raw", params);
		if (!parseErrors.isEmpty()) {
			response.setStatus(422);
			return policyPage(form, expected, FormErrors.none().addAll(parseErrors), model);
		}
		try {
			SlaPolicy saved = policies.change(form, expected, me);
			flash.addFlashAttribute("toast", "SLA policy saved: in force for escalations raised from now on");
			return "redirect:/admin/sla-policy#version-" + saved.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return policyPage(form, expected, FormErrors.none().addAll(e.errors()), model);
		}
		catch (StaleVersionException e) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("staleMessage", "Another administrator saved the policy while you edited it. "
					+ "Their version is in force and shown below; your changes are kept in the form.");
			return policyPage(form, policies.current().id(), FormErrors.none(), model);
		}
	}

	private String policyPage(SlaPolicyForm form, long policyId, FormErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("policyId", policyId);
		model.addAttribute("errors", errors);
		model.addAttribute("severities", Severity.values());
		model.addAttribute("days", java.time.DayOfWeek.values());
		List<SlaPolicy> versions = new ArrayList<>(policies.versions());
		java.util.Collections.reverse(versions);
		model.addAttribute("versions", versions);
		model.addAttribute("holidays", policies.holidays().size());
		Map<Severity, SlaPolicyForm.Row> rows = form.rows() == null ? new EnumMap<>(Severity.class) : form.rows();
		model.addAttribute("rows", rows);
		return "escalations/sla-policy";
	}

	private static void requireAdmin(CurrentUser me) {
		if (!me.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators change the SLA policy");
		}
	}

}
