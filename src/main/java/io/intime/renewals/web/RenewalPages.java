package io.intime.renewals.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.intime.accounts.ReportableAccount;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.renewals.RenewalCalibration;
import io.intime.renewals.RenewalForecast;
import io.intime.renewals.RenewalOutcome;
import io.intime.renewals.RenewalPipeline;
import io.intime.renewals.RenewalRisk;
import io.intime.renewals.RenewalStage;
import io.intime.renewals.RenewalView;
import io.intime.renewals.Renewals;
import io.intime.revenue.ChurnCategory;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.io.TableExport;
import io.intime.shared.web.ExportDownload;
import io.intime.shared.web.NavigationItem;
import io.intime.shared.web.PageFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The renewal pipeline for account managers (their portfolio), sales directors (their
 * team's) and executives, finance and admins (all), a renewal's page (probability
 * explained, override, stage and terms, outcome), the forecast export, and the
 * calibration report.
 */
@Controller
public class RenewalPages {

	/** Those who see invoices (renewal probabilities read payment behaviour). */
	static final Set<String> READERS = io.intime.billing.ReceivablesReport.readerRoles();

	private final RenewalPipeline pipeline;

	private final Renewals renewals;

	private final RenewalCalibration calibration;

	private final UserDirectory users;

	private final RenewalRisk risk;

	RenewalPages(RenewalPipeline pipeline, Renewals renewals, RenewalCalibration calibration, UserDirectory users,
			RenewalRisk risk) {
		this.pipeline = pipeline;
		this.risk = risk;
		this.renewals = renewals;
		this.calibration = calibration;
		this.users = users;
	}

	@Bean
	static NavigationItem renewalsNavigationItem() {
		return new NavigationItem("Renewals", "/renewals", "repeat", 21, READERS);
	}

	/**
	 * The accounts a reader's pipeline covers by default: a director's team when they
	 * have one, else all they may see.
	 */
	Predicate<ReportableAccount> ground(CurrentUser me) {
		if (me.hasRole(Role.SALES_DIRECTOR)) {
			Set<Long> team = new java.util.HashSet<>();
			users.directReports(me.id()).forEach(u -> team.add(u.id()));
			if (!team.isEmpty()) {
				return a -> a.ownerId() != null && team.contains(a.ownerId());
			}
		}
		return a -> true;
	}

	@GetMapping("/renewals")
	String pipeline(@RequestParam(defaultValue = "90") int window, CurrentUser me, Model model) {
		model.addAttribute("view", pipeline.of(me, window, ground(me)));
		model.addAttribute("scopeLabel",
				me.hasRole(Role.ACCOUNT_MANAGER) ? "Your portfolio"
						: me.hasRole(Role.SALES_DIRECTOR) && !users.directReports(me.id()).isEmpty() ? "Your team"
								: "All accounts");
		model.addAttribute("canCalibrate", me.hasRole(Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.FINANCE, Role.ADMIN));
		model.addAttribute("execCalls", me.hasRole(Role.EXECUTIVE, Role.SALES_DIRECTOR));
		model.addAttribute("qbrReader", io.intime.qbr.Qbrs.reads(me));
		return "renewals/pipeline";
	}

	/**
	 * The forecast: every renewal of the window with its probability, bucket and action.
	 */
	@GetMapping({ "/renewals.csv", "/renewals.xlsx" })
	void export(@RequestParam(defaultValue = "90") int window, HttpServletRequest request, HttpServletResponse response,
			CurrentUser me) throws IOException {
		export(pipeline.of(me, window, ground(me)), request, response);
	}

	private static void export(RenewalPipeline.View view, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		TableExport.Format format = ExportDownload.formatOf(request.getRequestURI(), null, null);
		try (OutputStream out = ExportDownload.start(response, format, RenewalForecast.fileName(view, format))) {
			RenewalForecast.write(view, format, out);
		}
	}

	/** The risk report (spec 01 step 5): the renewals below high confidence. */
	@GetMapping("/renewals/risk")
	String riskReport(@RequestParam(defaultValue = "90") int window, CurrentUser me, Model model) {
		model.addAttribute("report", risk.report(pipeline.of(me, window, ground(me))));
		model.addAttribute("back", "/renewals?window=" + window);
		model.addAttribute("exportBase", "/renewals");
		return "renewals/risk";
	}

	/**
	 * "Schedule renewal calls": a call task on the user's list per renewal needing one.
	 */
	@PostMapping("/renewals/calls")
	String scheduleCalls(@RequestParam(defaultValue = "90") int window, CurrentUser me, RedirectAttributes redirect) {
		redirect.addFlashAttribute("toast",
				RenewalRisk.saying(risk.scheduleCalls(pipeline.of(me, window, ground(me)), me)));
		return "redirect:/renewals?window=" + window;
	}

	/**
	 * "Send proposal": the email composer with the renewal's proposal in it, to the
	 * account's contact, which the sender reads and may change before sending.
	 */
	@GetMapping("/renewals/contracts/{contractId}/proposal")
	String proposal(@PathVariable long contractId, CurrentUser me) {
		Renewals.ProposalDraft draft = renewals.proposal(contractId, me);
		return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/accounts/{id}/email/new")
			.queryParam("subject", draft.subject())
			.queryParam("body", draft.body())
			.encode()
			.buildAndExpand(draft.accountId())
			.toUriString();
	}

	@PostMapping("/renewals/contracts/{contractId}/initiate")
	String initiate(@PathVariable long contractId, CurrentUser me, RedirectAttributes redirect) {
		try {
			RenewalView renewal = renewals.initiate(contractId, me);
			redirect.addFlashAttribute("toast",
					"Renewal of " + renewal.accountName() + " opened; its tasks are in My tasks");
			return "redirect:/renewals/" + renewal.id();
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute("flashError", refused.getMessage());
			return "redirect:/renewals";
		}
	}

	@GetMapping("/renewals/{id}")
	String renewal(@PathVariable long id, CurrentUser me, Model model) {
		model.addAttribute("r", renewals.get(id, me));
		model.addAttribute("stages", List.of(RenewalStage.OPEN, RenewalStage.PROPOSAL, RenewalStage.NEGOTIATION));
		model.addAttribute("outcomes", RenewalOutcome.values());
		model.addAttribute("categories", ChurnCategory.values());
		return "renewals/renewal";
	}

	@PostMapping("/renewals/{id}/plan")
	String plan(@PathVariable long id, @RequestParam(required = false) RenewalStage stage,
			@RequestParam(required = false) String proposedTerms, @RequestParam(required = false) String proposedArr,
			@RequestParam long version, CurrentUser me, RedirectAttributes redirect) {
		return act(id, redirect, "Renewal saved",
				() -> renewals.plan(id, stage, proposedTerms, amount("proposedArr", proposedArr), version, me));
	}

	@PostMapping("/renewals/{id}/override")
	String override(@PathVariable long id, @RequestParam(required = false) String probability,
			@RequestParam(required = false) String reason, @RequestParam long version, CurrentUser me,
			RedirectAttributes redirect) {
		return act(id, redirect, "Probability saved", () -> {
			Integer percent;
			try {
				percent = probability == null || probability.isBlank() ? null : Integer.valueOf(probability.trim());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException("probability", "Give a whole number from 0 to 100");
			}
			return renewals.override(id, percent, reason, version, me);
		});
	}

	@PostMapping("/renewals/{id}/outcome")
	String outcome(@PathVariable long id, @RequestParam(required = false) RenewalOutcome outcome,
			@RequestParam(required = false) String newArr, @RequestParam(required = false) ChurnCategory churnCategory,
			@RequestParam(required = false) String note, @RequestParam long version, CurrentUser me,
			RedirectAttributes redirect) {
		return act(id, redirect, "Outcome recorded",
				() -> renewals.close(id, outcome, amount("newArr", newArr), churnCategory, note, version, me));
	}

	@GetMapping("/renewals/calibration")
	String calibration(CurrentUser me, Model model) {
		model.addAttribute("report", calibration.report(me));
		return "renewals/calibration";
	}

	private String act(long id, RedirectAttributes redirect, String done, java.util.function.Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("toast", done);
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute("flashError",
					refused.errors()
						.stream()
						.map(io.intime.shared.FieldError::message)
						.findFirst()
						.orElse(refused.getMessage()));
		}
		catch (StaleVersionException stale) {
			redirect.addFlashAttribute("flashError", stale.getMessage());
		}
		return "redirect:/renewals/" + id;
	}

	private static BigDecimal amount(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.trim().replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, "Give an amount such as 450000");
		}
	}

}
