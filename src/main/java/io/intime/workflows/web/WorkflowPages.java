package io.intime.workflows.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSection;
import io.intime.accounts.AccountSections;
import io.intime.accounts.ContractManagement;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.web.FormErrors;
import io.intime.shared.web.NavigationItem;
import io.intime.shared.web.Stylesheet;
import io.intime.workflows.RunStatus;
import io.intime.workflows.RunView;
import io.intime.workflows.RunView.StepView;
import io.intime.workflows.StartRun;
import io.intime.workflows.StepDef;
import io.intime.workflows.StepStatus;
import io.intime.workflows.TemplateDefinition;
import io.intime.workflows.WorkflowRuns;
import io.intime.workflows.WorkflowRuns.StepActions;
import io.intime.workflows.WorkflowTemplates;
import io.intime.workflows.WorkflowTemplates.TemplateSummary;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workflow pages of the firm's people: the list of runs (mine, active, all), a run
 * with its steps, what the viewer may do on the current step, and its timeline; starting
 * a run; and the account's Workflows tab.
 */
@Controller
class WorkflowPages {

	private static final Set<String> READERS = Set.of("EXECUTIVE", "SALES_DIRECTOR", "ACCOUNT_MANAGER", "FINANCE",
			"LEGAL", "ADMIN");

	private final WorkflowRuns runs;

	private final WorkflowTemplates templates;

	private final AccountManagement accounts;

	private final AccountSections sections;

	private final ContractManagement contracts;

	private final Today time;

	WorkflowPages(WorkflowRuns runs, WorkflowTemplates templates, AccountManagement accounts, AccountSections sections,
			ContractManagement contracts, Today time) {
		this.runs = runs;
		this.templates = templates;
		this.accounts = accounts;
		this.sections = sections;
		this.contracts = contracts;
		this.time = time;
	}

	@Bean
	static NavigationItem workflowsNavigationItem() {
		return new NavigationItem("Workflows", "/workflows", "activity", 24, READERS);
	}

	@Bean
	static Stylesheet workflowsStylesheet() {
		return new Stylesheet("/css/workflows.css", 70);
	}

	/** Account 360's Workflows tab. */
	@Component
	static class WorkflowsSection implements AccountSection {

		@Override
		public String id() {
			return "workflows";
		}

		@Override
		public String label() {
			return "Workflows";
		}

		@Override
		public int order() {
			return 58;
		}

		@Override
		public boolean visibleTo(AccountDetails account, CurrentUser user) {
			return READERS.contains(user.role().name());
		}

	}

	// ------------------------------------------------------------------ lists

	@GetMapping("/workflows")
	String list(@RequestParam(defaultValue = "mine") String view, CurrentUser me, Model model) {
		String shown = switch (view) {
			case "active", "all" -> view;
			default -> "mine";
		};
		model.addAttribute("view", shown);
		model.addAttribute("runs", runs.list(me, !shown.equals("all"), shown.equals("mine")));
		model.addAttribute("now", time.now());
		return "workflows/runs";
	}

	@GetMapping("/accounts/{id}/workflows")
	String account(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(id, me);
		sections.header(model, account, "workflows", me);
		model.addAttribute("runs", runs.ofAccount(id, me));
		model.addAttribute("now", time.now());
		return "workflows/account-workflows";
	}

	// ------------------------------------------------------------------ starting

	/** What the start form shows and keeps. */
	public record StartDraft(Long accountId, Long templateId, Long contractId, String title) {
	}

	@GetMapping("/workflows/new")
	String startForm(@RequestParam(required = false) Long accountId, @RequestParam(required = false) Long templateId,
			CurrentUser me, Model model) {
		return startPage(new StartDraft(accountId, templateId, null, ""), FormErrors.none(), me, model);
	}

	@PostMapping("/workflows")
	String start(@RequestParam(required = false) Long accountId, @RequestParam(required = false) Long templateId,
			@RequestParam(required = false) Long contractId, @RequestParam(required = false) String title,
			CurrentUser me, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		StartDraft draft = new StartDraft(accountId, templateId, contractId, title);
		FormErrors errors = FormErrors.none();
		if (accountId == null) {
			errors.add("accountId", "choose the account");
		}
		if (templateId == null) {
			errors.add("templateId", "choose the workflow");
		}
		if (errors.any()) {
			response.setStatus(422);
			return startPage(draft, errors, me, model);
		}
		try {
			RunView run = runs.start(
					new StartRun(null, templateId, accountId, contractId, null, null, null, null, null, null, title),
					me);
			redirect.addFlashAttribute("toast", "Started " + run.title());
			return "redirect:/workflows/runs/" + run.id();
		}
		catch (InvalidInputException refused) {
			response.setStatus(422);
			return startPage(draft, FormErrors.of(refused.errors()), me, model);
		}
	}

	private String startPage(StartDraft draft, FormErrors errors, CurrentUser me, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
		model.addAttribute("templates", templates.list().stream().filter(t -> !t.archived()).toList());
		model.addAttribute("accounts", accounts.visible(me));
		if (draft.accountId() != null) {
			model.addAttribute("account", accounts.get(draft.accountId(), me));
			model.addAttribute("contracts", contracts.forAccount(draft.accountId(), me));
		}
		return "workflows/start";
	}

	// ------------------------------------------------------------------ a run

	/** A step with what the page needs besides the step itself. */
	public record StepCard(StepView step, StepDef def, StepActions actions, String roleName,
			List<WorkflowRuns.ApprovalView> approvals, List<Map.Entry<String, String>> values) {

		public boolean active() {
			return step.status() == StepStatus.ACTIVE;
		}

	}

	@GetMapping("/workflows/runs/{id}")
	String run(@PathVariable long id, CurrentUser me, Model model) {
		return runPage(id, me, model, null, FormErrors.none(), Map.of());
	}

	@GetMapping("/workflows/steps/{stepId}")
	String step(@PathVariable long stepId, CurrentUser me) {
		RunView run = runs.runOfStep(stepId, me);
		return "redirect:/workflows/runs/" + run.id() + "#step-"
				+ run.steps().stream().filter(s -> s.id() == stepId).findFirst().map(StepView::key).orElse("");
	}

	String runPage(long id, CurrentUser me, Model model, Long errorStep, FormErrors errors, Map<String, String> typed) {
		RunView run = runs.get(id, me);
		TemplateDefinition definition = runs.definitionOf(id);
		Map<Long, List<WorkflowRuns.ApprovalView>> approvals = runs.approvals(id);
		List<StepCard> cards = run.steps().stream().map(step -> {
			StepDef def = definition.step(step.key()).orElseThrow();
			String role = def.role() == null ? null : definition.role(def.role()).map(r -> r.name()).orElse(null);
			return new StepCard(step, def, runs.actions(run, step, me), role,
					approvals.getOrDefault(step.id(), List.of()),
					StepValues.shown(def, step.data(), run.accountCurrency()));
		}).toList();
		model.addAttribute("run", run);
		model.addAttribute("cards", cards);
		model.addAttribute("files", runs.files(run));
		model.addAttribute("signers",
				run.steps()
					.stream()
					.filter(s -> s.type() == io.intime.workflows.StepType.ESIGN)
					.collect(java.util.stream.Collectors.toMap(StepView::id, s -> runs.signers(s.id()))));
		model.addAttribute("definition", definition);
		model.addAttribute("roles", runs.roleNames(id));
		model.addAttribute("clientRoles", definition.roles().stream().filter(r -> r.client()).toList());
		model.addAttribute("manage", runs.mayManage(run, me));
		model.addAttribute("contacts", runs.mayManage(run, me) ? runs.contactsOf(run, me) : List.of());
		model.addAttribute("errors", errors);
		model.addAttribute("errorStep", errorStep);
		model.addAttribute("typed", typed);
		model.addAttribute("now", time.now());
		model.addAttribute("active", run.status() == RunStatus.ACTIVE);
		return "workflows/run";
	}

	// ------------------------------------------------------------------ acting on a step

	@PostMapping("/workflows/steps/{stepId}/submit")
	String submit(@PathVariable long stepId, @RequestParam long version, @RequestParam Map<String, String> params,
			CurrentUser me, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> values = StepValues.fields(params);
		return act(stepId, values, me, model, redirect, response, () -> {
			runs.submit(stepId, values, version, me);
			return "Step done";
		});
	}

	@PostMapping("/workflows/steps/{stepId}/decide")
	String decide(@PathVariable long stepId, @RequestParam long version, @RequestParam(required = false) String option,
			@RequestParam Map<String, String> params, CurrentUser me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> values = StepValues.fields(params);
		return act(stepId, values, me, model, redirect, response, () -> {
			runs.decide(stepId, option, values, version, me);
			return "Decision recorded";
		});
	}

	@PostMapping("/workflows/steps/{stepId}/approve")
	String approve(@PathVariable long stepId, @RequestParam long version, @RequestParam String decision,
			@RequestParam(required = false) String comment, @RequestParam Map<String, String> params, CurrentUser me,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> values = StepValues.fields(params);
		Map<String, String> typed = new LinkedHashMap<>(values);
		typed.put("comment", comment == null ? "" : comment);
		boolean approve = "approve".equals(decision);
		return act(stepId, typed, me, model, redirect, response, () -> {
			runs.approve(stepId, approve, comment, values, version, me);
			return approve ? "Approved" : "Rejected: the run went back";
		});
	}

	@PostMapping("/workflows/steps/{stepId}/upload")
	String upload(@PathVariable long stepId, @RequestParam long version,
			@RequestParam(name = "file", required = false) List<org.springframework.web.multipart.MultipartFile> files,
			CurrentUser me, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return act(stepId, Map.of(), me, model, redirect, response, () -> {
			runs.upload(stepId, Uploads.of(files), version, me);
			return "Files received";
		});
	}

	/**
	 * Acts on a step and goes back to its run with a toast; refused input shows the run
	 * page again with the step's errors and what the person typed (422), and a step
	 * someone else acted on first reloads the run with a notice.
	 * @param action does it and says what was done
	 */
	private String act(long stepId, Map<String, String> typed, CurrentUser me, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Supplier<String> action) {
		long runId = runs.runOfStep(stepId, me).id();
		try {
			redirect.addFlashAttribute("toast", action.get());
			return "redirect:/workflows/runs/" + runId;
		}
		catch (InvalidInputException refused) {
			response.setStatus(422);
			return runPage(runId, me, model, stepId, FormErrors.of(refused.errors()), typed);
		}
		catch (StaleVersionException stale) {
			return stale(runId, redirect);
		}
	}

	@GetMapping("/workflows/files/{fileId}")
	org.springframework.http.ResponseEntity<byte[]> file(@PathVariable long fileId,
			@RequestParam(defaultValue = "false") boolean download, CurrentUser me) {
		var file = runs.file(fileId, me);
		var disposition = download ? org.springframework.http.ContentDisposition.attachment()
				: org.springframework.http.ContentDisposition.inline();
		return org.springframework.http.ResponseEntity.ok()
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(file.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.contentType(org.springframework.http.MediaType.parseMediaType(file.contentType()))
			.body(file.content());
	}

	private static String stale(long runId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashError",
				"Someone else acted on this step while you were on the page; this is where the workflow is now.");
		return "redirect:/workflows/runs/" + runId;
	}

	// ------------------------------------------------------------------ managing a run

	@PostMapping("/workflows/runs/{id}/resume")
	String resume(@PathVariable long id, CurrentUser me, RedirectAttributes redirect) {
		try {
			runs.resume(id, me);
			redirect.addFlashAttribute("toast", "Resumed");
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute("flashError", refused.errors().get(0).message());
		}
		return "redirect:/workflows/runs/" + id;
	}

	@PostMapping("/workflows/runs/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
			CurrentUser me, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			runs.cancel(id, reason, version, me);
			redirect.addFlashAttribute("toast", "Workflow cancelled");
			return "redirect:/workflows/runs/" + id;
		}
		catch (InvalidInputException refused) {
			response.setStatus(422);
			return runPage(id, me, model, null, FormErrors.of(refused.errors()), Map.of());
		}
		catch (StaleVersionException stale) {
			return stale(id, redirect);
		}
	}

	@PostMapping("/workflows/runs/{id}/contacts")
	String assignContact(@PathVariable long id, @RequestParam String role,
			@RequestParam(required = false) Long contactId, CurrentUser me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			if (contactId == null) {
				throw new InvalidInputException("contactId", "choose a contact");
			}
			runs.assignContact(id, role, contactId, me);
			redirect.addFlashAttribute("toast", "Contact chosen");
			return "redirect:/workflows/runs/" + id;
		}
		catch (InvalidInputException refused) {
			response.setStatus(422);
			return runPage(id, me, model, null, FormErrors.of(refused.errors()), Map.of());
		}
	}

	@PostMapping("/workflows/runs/{id}/resend")
	String resend(@PathVariable long id, CurrentUser me, RedirectAttributes redirect) {
		try {
			runs.resendLink(id, me);
			redirect.addFlashAttribute("toast", "A new link was sent; the earlier ones no longer work");
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute("flashError", refused.errors().get(0).message());
		}
		return "redirect:/workflows/runs/" + id;
	}

	@PostMapping("/workflows/runs/{id}/revoke")
	String revoke(@PathVariable long id, CurrentUser me, RedirectAttributes redirect) {
		runs.revokeLinks(id, me);
		redirect.addFlashAttribute("toast", "The client's links were withdrawn");
		return "redirect:/workflows/runs/" + id;
	}

	List<TemplateSummary> templates() {
		return templates.list();
	}

}
