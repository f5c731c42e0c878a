package io.intime.staffing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSections;
import io.intime.shared.Editable;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.shared.web.Conflict;
import io.intime.shared.web.FormErrors;
import io.intime.staffing.HiringFacts;
import io.intime.staffing.JobForm;
import io.intime.staffing.JobManagement;
import io.intime.staffing.JobPriority;
import io.intime.staffing.JobStatus;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementForm;
import io.intime.staffing.PlacementManagement;
import io.intime.staffing.PlacementStatus;
import io.intime.staffing.PlacementType;
import io.intime.staffing.PlacementView;
import io.intime.staffing.RecruiterManagement;
import io.intime.staffing.RecruiterView;
import io.intime.staffing.StaffingAccess;
import io.intime.staffing.StaffingFacts;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account 360's Jobs tab (open jobs, placements, closed jobs and the hiring headline from
 * the same facts the health score reads) and the forms that open, change and close jobs
 * and record placements.
 */
@Controller
class JobsPages {

	private static final String AMOUNT_EXAMPLE = "85";

	/** Closed jobs and placements shown before "Show all". */
	static final int SHORT_LIST = 20;

	/** Hires count over this window, as in the default health model. */
	static final int HIRE_WINDOW_DAYS = 90;

	private final AccountManagement accounts;

	private final AccountSections sections;

	private final JobManagement jobs;

	private final PlacementManagement placements;

	private final RecruiterManagement recruiters;

	private final StaffingFacts facts;

	private final Today time;

	JobsPages(AccountManagement accounts, AccountSections sections, JobManagement jobs, PlacementManagement placements,
			RecruiterManagement recruiters, StaffingFacts facts, Today time) {
		this.accounts = accounts;
		this.sections = sections;
		this.jobs = jobs;
		this.placements = placements;
		this.recruiters = recruiters;
		this.facts = facts;
		this.time = time;
	}

	@InitBinder
	void blankIsNothing(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/accounts/{id}/jobs")
	String tab(@PathVariable long id, @RequestParam(required = false) String show, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(id, me);
		sections.header(model, account, JobsSection.ID, me);
		LocalDate today = time.today(me.timeZone());
		HiringFacts hiring = facts.hiring(today, HIRE_WINDOW_DAYS, AccountScope.of(List.of(id)))
			.getOrDefault(id, new HiringFacts(id, 0, 0, null, null, 0));
		List<JobView> all = jobs.forAccount(id, me);
		List<JobView> open = all.stream().filter(JobView::open).toList();
		List<JobView> closed = all.stream().filter(j -> !j.open()).toList();
		List<PlacementView> placed = placements.forAccount(id, me);
		boolean showAll = "all".equals(show);
		model.addAttribute("today", today);
		model.addAttribute("hiring", hiring);
		model.addAttribute("daysSinceLastHire", hiring.lastHireDate() == null ? null
				: java.time.temporal.ChronoUnit.DAYS.between(hiring.lastHireDate(), today));
		model.addAttribute("openJobs", open);
		model.addAttribute("onHold", open.stream().filter(j -> j.status() == JobStatus.ON_HOLD).count());
		model.addAttribute("closedJobs", showAll ? closed : closed.stream().limit(SHORT_LIST).toList());
		model.addAttribute("closedTotal", closed.size());
		model.addAttribute("placements", showAll ? placed : placed.stream().limit(SHORT_LIST).toList());
		model.addAttribute("placementTotal", placed.size());
		model.addAttribute("activePlacements",
				placed.stream()
					.filter(p -> p.status() == PlacementStatus.ACTIVE && !p.startDate().isAfter(today))
					.count());
		model.addAttribute("showAll", showAll);
		model.addAttribute("staffing", jobs.access(id, me));
		return "staffing/jobs";
	}

	// ------------------------------------------------------------------ jobs

	@GetMapping("/accounts/{id}/jobs/new")
	String newJob(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = editable(id, me);
		JobForm blank = JobForm.blank(time.today(me.timeZone()), account.billingCurrency());
		return jobForm(account, null, JobFormData.of(blank, 0), FormErrors.none(), me, model);
	}

	@PostMapping("/accounts/{id}/jobs/new")
	String createJob(@PathVariable long id, @ModelAttribute("form") JobFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		AccountDetails account = editable(id, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return jobForm(account, null, form, FormErrors.of(binding, AMOUNT_EXAMPLE), me, model);
		}
		try {
			JobView created = jobs.create(id, form.toForm(), me);
			flash.addFlashAttribute("toast", "Opened " + created.title());
			return "redirect:/accounts/" + id + "/jobs#job-" + created.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return jobForm(account, null, form, FormErrors.of(e.errors()), me, model);
		}
	}

	@GetMapping("/accounts/{id}/jobs/{jobId}/edit")
	String editJob(@PathVariable long id, @PathVariable long jobId, CurrentUser me, Model model) {
		AccountDetails account = editable(id, me);
		JobView job = jobOf(id, jobId, me);
		Editable<JobForm> editable = jobs.editable(jobId, me);
		return jobForm(account, job, JobFormData.of(editable.form(), editable.version()), FormErrors.none(), me, model);
	}

	@PostMapping("/accounts/{id}/jobs/{jobId}/edit")
	String updateJob(@PathVariable long id, @PathVariable long jobId, @ModelAttribute("form") JobFormData form,
			BindingResult binding, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		AccountDetails account = editable(id, me);
		JobView job = jobOf(id, jobId, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return jobForm(account, job, form, FormErrors.of(binding, AMOUNT_EXAMPLE), me, model);
		}
		try {
			JobView saved = jobs.update(jobId, form.toForm(), form.getVersion(), me);
			flash.addFlashAttribute("toast", "Saved " + saved.title());
			return "redirect:/accounts/" + id + "/jobs#job-" + jobId;
		}
		catch (StaleVersionException e) {
			Editable<JobForm> current = jobs.editable(jobId, me);
			model.addAttribute("conflict",
					Conflict.between(Conflict.KEPT, JobFormData.of(current.form(), current.version()).comparable(),
							form.comparable(), StaffingLabels::field, display(me)));
			form.setVersion(current.version());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return jobForm(account, jobs.get(jobId, me), form, FormErrors.none(), me, model);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return jobForm(account, job, form, FormErrors.of(e.errors()), me, model);
		}
	}

	@PostMapping("/accounts/{id}/jobs/{jobId}/submissions")
	String addSubmission(@PathVariable long id, @PathVariable long jobId, CurrentUser me, RedirectAttributes flash) {
		jobOf(id, jobId, me);
		JobView job = jobs.addSubmissions(jobId, 1, me);
		flash.addFlashAttribute("toast", job.title() + ": " + job.submissions() + " submitted");
		return "redirect:/accounts/" + id + "/jobs#job-" + jobId;
	}

	@PostMapping("/accounts/{id}/jobs/{jobId}/delete")
	String deleteJob(@PathVariable long id, @PathVariable long jobId, CurrentUser me, RedirectAttributes flash) {
		JobView job = jobOf(id, jobId, me);
		try {
			jobs.delete(jobId, me);
			flash.addFlashAttribute("toast", "Deleted " + job.title());
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", "Not deleted: " + e.errors().get(0).message());
		}
		return "redirect:/accounts/" + id + "/jobs";
	}

	// ------------------------------------------------------------------ placements

	@GetMapping("/accounts/{id}/placements/new")
	String newPlacement(@PathVariable long id, @RequestParam(required = false) Long jobId, CurrentUser me,
			Model model) {
		AccountDetails account = editable(id, me);
		Long recruiterId = null;
		if (jobId != null) {
			recruiterId = jobOf(id, jobId, me).recruiterId();
		}
		PlacementForm blank = PlacementForm.blank(time.today(me.timeZone()), recruiterId);
		return placementForm(account, null, PlacementFormData.of(jobId, blank, 0), FormErrors.none(), me, model);
	}

	@PostMapping("/accounts/{id}/placements/new")
	String createPlacement(@PathVariable long id, @ModelAttribute("form") PlacementFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		AccountDetails account = editable(id, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return placementForm(account, null, form, FormErrors.of(binding, AMOUNT_EXAMPLE), me, model);
		}
		if (form.getJobId() == null) {
			response.setStatus(422);
			return placementForm(account, null, form,
					FormErrors.of(List
						.of(new io.intime.shared.FieldError("jobId", "choose the job the candidate was placed on"))),
					me, model);
		}
		try {
			jobOf(id, form.getJobId(), me);
			PlacementView created = placements.create(form.getJobId(), form.toForm(), me);
			flash.addFlashAttribute("toast", "Placed " + created.candidateName() + " as " + created.jobTitle());
			return "redirect:/accounts/" + id + "/jobs#placement-" + created.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return placementForm(account, null, form, FormErrors.of(e.errors()), me, model);
		}
	}

	@GetMapping("/accounts/{id}/placements/{placementId}/edit")
	String editPlacement(@PathVariable long id, @PathVariable long placementId, CurrentUser me, Model model) {
		AccountDetails account = editable(id, me);
		PlacementView placement = placementOf(id, placementId, me);
		Editable<PlacementForm> editable = placements.editable(placementId, me);
		return placementForm(account, placement,
				PlacementFormData.of(placement.jobId(), editable.form(), editable.version()), FormErrors.none(), me,
				model);
	}

	@PostMapping("/accounts/{id}/placements/{placementId}/edit")
	String updatePlacement(@PathVariable long id, @PathVariable long placementId,
			@ModelAttribute("form") PlacementFormData form, BindingResult binding, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		AccountDetails account = editable(id, me);
		PlacementView placement = placementOf(id, placementId, me);
		form.setJobId(placement.jobId());
		if (binding.hasErrors()) {
			response.setStatus(422);
			return placementForm(account, placement, form, FormErrors.of(binding, AMOUNT_EXAMPLE), me, model);
		}
		try {
			PlacementView saved = placements.update(placementId, form.toForm(), form.getVersion(), me);
			flash.addFlashAttribute("toast", "Saved the placement of " + saved.candidateName());
			return "redirect:/accounts/" + id + "/jobs#placement-" + placementId;
		}
		catch (StaleVersionException e) {
			Editable<PlacementForm> current = placements.editable(placementId, me);
			model.addAttribute("conflict",
					Conflict.between(Conflict.KEPT,
							PlacementFormData.of(placement.jobId(), current.form(), current.version()).comparable(),
							form.comparable(), StaffingLabels::field, display(me)));
			form.setVersion(current.version());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return placementForm(account, placements.get(placementId, me), form, FormErrors.none(), me, model);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return placementForm(account, placement, form, FormErrors.of(e.errors()), me, model);
		}
	}

	@PostMapping("/accounts/{id}/placements/{placementId}/delete")
	String deletePlacement(@PathVariable long id, @PathVariable long placementId, CurrentUser me,
			RedirectAttributes flash) {
		PlacementView placement = placementOf(id, placementId, me);
		placements.delete(placementId, me);
		flash.addFlashAttribute("toast", "Deleted the placement of " + placement.candidateName());
		return "redirect:/accounts/" + id + "/jobs";
	}

	// ------------------------------------------------------------------ helpers

	private String jobForm(AccountDetails account, JobView job, JobFormData form, FormErrors errors, CurrentUser me,
			Model model) {
		model.addAttribute("account", account);
		model.addAttribute("job", job);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("statuses", JobStatus.values());
		model.addAttribute("priorities", JobPriority.values());
		model.addAttribute("recruiters", recruiterOptions(me, form.getRecruiterId()));
		model.addAttribute("access", jobs.access(account.id(), me));
		return "staffing/job-form";
	}

	private String placementForm(AccountDetails account, PlacementView placement, PlacementFormData form,
			FormErrors errors, CurrentUser me, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("placement", placement);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("types", PlacementType.values());
		model.addAttribute("statuses", PlacementStatus.values());
		model.addAttribute("recruiters", recruiterOptions(me, form.getRecruiterId()));
		model.addAttribute("jobs", jobs.forAccount(account.id(), me)
			.stream()
			.filter(j -> j.status() != JobStatus.CANCELLED || form.getJobId() != null && j.id() == form.getJobId())
			.toList());
		model.addAttribute("access", jobs.access(account.id(), me));
		return "staffing/placement-form";
	}

	/**
	 * The active recruiters, and the chosen one even when inactive (so the select can
	 * show who it is).
	 */
	private List<RecruiterView> recruiterOptions(CurrentUser me, Long chosen) {
		List<RecruiterView> options = new java.util.ArrayList<>(recruiters.options(me));
		if (chosen != null && options.stream().noneMatch(r -> r.id() == chosen)) {
			try {
				options.add(recruiters.get(chosen, me));
			}
			catch (NotFoundException e) {
				// The form names a recruiter that does not exist: the facade reports it
				// on the field.
			}
		}
		return options;
	}

	private BiFunction<String, Object, String> display(CurrentUser me) {
		Map<Long, String> names = new java.util.HashMap<>();
		recruiters.search(null, null, new io.intime.shared.PageRequest(0, io.intime.shared.PageRequest.MAX_SIZE), me)
			.items()
			.forEach(r -> names.put(r.id(), r.name()));
		return (field, value) -> field.equals("recruiterId") && value instanceof Long id
				? names.getOrDefault(id, "Recruiter " + id) : Conflict.text(value);
	}

	private AccountDetails editable(long id, CurrentUser me) {
		AccountDetails account = accounts.get(id, me);
		StaffingAccess access = jobs.access(id, me);
		if (!access.edit()) {
			throw new AccessDeniedException("You may not add or change jobs and placements of " + account.name());
		}
		return account;
	}

	private JobView jobOf(long accountId, long jobId, CurrentUser me) {
		JobView job = jobs.get(jobId, me);
		if (job.accountId() != accountId) {
			throw new NotFoundException("Job", jobId);
		}
		return job;
	}

	private PlacementView placementOf(long accountId, long placementId, CurrentUser me) {
		PlacementView placement = placements.get(placementId, me);
		if (placement.accountId() != accountId) {
			throw new NotFoundException("Placement", placementId);
		}
		return placement;
	}

}
