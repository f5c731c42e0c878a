package io.intime.health.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.HealthBand;
import io.intime.health.alerts.AlertSeverity;
import io.intime.shared.Money;

import io.intime.health.alerts.AlertStatus;
import io.intime.health.alerts.AlertView;
import io.intime.health.alerts.Alerts;
import io.intime.identity.CurrentUser;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My alerts": the health alerts addressed to the signed-in user, with acknowledge and
 * resolve. An alert's buttons post back here and return to where the person was
 * ({@code back}).
 */
@Controller
class AlertPages {

	private static final int PAGE_SIZE = 50;

	private final Alerts alerts;

	AlertPages(Alerts alerts) {
		this.alerts = alerts;
	}

	@Bean
	static NavigationItem alertsNavigationItem() {
		return new NavigationItem("Alerts", "/alerts", "bell", 15,
				Set.of("ACCOUNT_MANAGER", "EXECUTIVE", "SALES_DIRECTOR", "FINANCE"));
	}

	@GetMapping("/alerts")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			CurrentUser me, Model model) {
		AlertStatus shown = "acknowledged".equalsIgnoreCase(status) ? AlertStatus.ACKNOWLEDGED
				: "resolved".equalsIgnoreCase(status) ? AlertStatus.RESOLVED : null;
		PageResult<AlertView> result = alerts.mine(shown, new PageRequest(Math.max(0, page), PAGE_SIZE), me);
		model.addAttribute("alerts", result);
		model.addAttribute("groups", groups(result.items()));
		model.addAttribute("shown", shown == null ? "open" : shown.name().toLowerCase());
		model.addAttribute("openCount", alerts.openCount(me));
		return "health/alerts";
	}

	/**
	 * The alerts of one account together, on the page: its name, health, ARR and its most
	 * urgent alert's priority.
	 */
	record AlertGroup(long accountId, String accountName, boolean strategic, Integer healthScore, HealthBand healthBand,
			Money arr, AlertSeverity priority, List<AlertView> alerts) {
	}

	/** Consecutive alerts of the same account, in the order given. */
	static List<AlertGroup> groups(List<AlertView> alerts) {
		Map<Long, List<AlertView>> byAccount = new LinkedHashMap<>();
		alerts.forEach(a -> byAccount.computeIfAbsent(a.accountId(), id -> new ArrayList<>()).add(a));
		return byAccount.values().stream().map(list -> {
			AlertView first = list.get(0);
			AlertSeverity worst = list.stream().map(AlertView::priority).min(Comparator.naturalOrder()).orElseThrow();
			return new AlertGroup(first.accountId(), first.accountName(), first.strategic(), first.healthScore(),
					first.healthBand(), first.arr(), worst, List.copyOf(list));
		}).toList();
	}

	@PostMapping("/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String back,
			CurrentUser me, RedirectAttributes flash) {
		return act(id, version, back, me, flash, true);
	}

	@PostMapping("/alerts/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String back,
			CurrentUser me, RedirectAttributes flash) {
		return act(id, version, back, me, flash, false);
	}

	private String act(long id, long version, String back, CurrentUser me, RedirectAttributes flash,
			boolean acknowledge) {
		try {
			AlertView alert = acknowledge ? alerts.acknowledge(id, version, me) : alerts.resolve(id, version, me);
			flash.addFlashAttribute("toast",
					(acknowledge ? "Acknowledged: " : "Resolved: ") + alert.accountName() + " – " + alert.ruleLabel());
		}
		catch (StaleVersionException e) {
			flash.addFlashAttribute("flashError",
					"Someone else changed this alert a moment ago; here it is as it is now.");
		}
		catch (io.intime.shared.InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().get(0).message());
		}
		return "redirect:" + (back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/alerts");
	}

}
