package io.intime.revenue.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.revenue.ChurnCategory;
import io.intime.revenue.FxRates;
import io.intime.revenue.RevenueKpis;
import io.intime.shared.CurrencyRates;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.FormErrors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exchange rates finance keeps for revenue reports (a page anyone who reads the
 * reports may see, finance and admins change), and the classification of a churn from the
 * movements list.
 */
@Controller
class FxRatePages {

	private final FxRates rates;

	private final CurrencyRates configured;

	private final RevenueKpis kpis;

	FxRatePages(FxRates rates, CurrencyRates configured, RevenueKpis kpis) {
		this.rates = rates;
		this.configured = configured;
		this.kpis = kpis;
	}

	@GetMapping("/revenue/fx-rates")
	String page(CurrentUser me, Model model) {
		kpis.scope(io.intime.revenue.RevenueSegment.company(), me);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", FormErrors.none());
		}
		model.addAttribute("rates", rates.all());
		model.addAttribute("configured", configured.getUsdRates());
		model.addAttribute("canEdit", me.hasRole(Role.FINANCE, Role.ADMIN));
		model.addAttribute("kinds", FxRates.Kind.values());
		model.addAttribute("today", kpis.today());
		return "revenue/fx-rates";
	}

	@PostMapping("/revenue/fx-rates")
	String set(@RequestParam(required = false) FxRates.Kind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String usdRate,
			@RequestParam(required = false) Long version, CurrentUser me, Model model, RedirectAttributes redirect) {
		BigDecimal rate;
		try {
			rate = usdRate == null || usdRate.isBlank() ? null : new BigDecimal(usdRate.trim());
		}
		catch (NumberFormatException notANumber) {
			return refuse(FormErrors.none().add("usdRate", "Give a number such as 1.08"), me, model);
		}
		try {
			FxRates.Rate saved = rates.set(kind, periodStart, currency, rate, version, me);
			redirect.addFlashAttribute("toast", "Saved: 1 " + saved.currency() + " = "
					+ saved.usdRate().stripTrailingZeros().toPlainString() + " USD for " + saved.periodStart());
			return "redirect:/revenue/fx-rates";
		}
		catch (InvalidInputException invalid) {
			return refuse(FormErrors.of(invalid.errors()), me, model);
		}
		catch (StaleVersionException stale) {
			redirect.addFlashAttribute("flashError", stale.getMessage());
			return "redirect:/revenue/fx-rates";
		}
	}

	private String refuse(FormErrors errors, CurrentUser me, Model model) {
		model.addAttribute("errors", errors);
		return page(me, model);
	}

	/** Says why a client was lost, from the list of churns. */
	@PostMapping("/revenue/movements/{id}/category")
	String reclassify(@PathVariable long id, @RequestParam(required = false) ChurnCategory churnCategory,
			@RequestParam long version, @RequestParam(required = false) String back, CurrentUser me,
			RedirectAttributes redirect) {
		try {
			kpis.reclassify(id, churnCategory, version, me);
			redirect.addFlashAttribute("toast", "Churn classified as " + churnCategory.label().toLowerCase());
		}
		catch (InvalidInputException | StaleVersionException refused) {
			redirect.addFlashAttribute("flashError", refused.getMessage());
		}
		return "redirect:" + (back != null && back.startsWith("/revenue/") ? back : "/revenue/reports");
	}

}
