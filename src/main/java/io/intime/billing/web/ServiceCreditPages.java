package io.intime.billing.web;

import java.util.Set;

import io.intime.billing.ServiceCredits;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Finance's queue of service credits awaiting approval, and the recent decisions. */
@Controller
class ServiceCreditPages {

	private final ServiceCredits credits;

	ServiceCreditPages(ServiceCredits credits) {
		this.credits = credits;
	}

	@Bean
	static NavigationItem serviceCreditsNavigationItem() {
		return new NavigationItem("Service credits", "/billing/service-credits", "receipt", 21,
				Set.of(Role.FINANCE.name()));
	}

	@GetMapping("/billing/service-credits")
	String list(CurrentUser me, Model model) {
		if (!ServiceCredits.mayDecide(me)) {
			throw new AccessDeniedException("Finance approves service credits");
		}
		model.addAttribute("pending", credits.pending());
		model.addAttribute("decided", credits.decided());
		return "billing/service-credits";
	}

	@PostMapping("/billing/service-credits/{id}")
	String decide(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) String note,
			@RequestParam long version, CurrentUser me, RedirectAttributes redirect) {
		try {
			ServiceCredits.Credit c = credits.decide(id, "approve".equals(decision), note, version, me);
			redirect.addFlashAttribute("toast", "Service credit of " + c.amount().display() + " for " + c.accountName()
					+ ("APPROVED".equals(c.status()) ? " approved: it is on the account's billing." : " rejected."));
		}
		catch (InvalidInputException | StaleVersionException e) {
			redirect.addFlashAttribute("flashError",
					e instanceof InvalidInputException i ? "Note " + i.errors().get(0).message() : e.getMessage());
		}
		return "redirect:/billing/service-credits";
	}

}
