package io.intime.notifications.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.NotFoundException;
import io.intime.shared.web.NavigationItem;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' view of notification delivery ({@code /admin/notifications}): counts per
 * channel and status, the failed deliveries with their last error, and Retry; the same
 * retry in the API.
 */
@Controller
class DeliveryAdminPages {

	private final DeliveryAdministration deliveries;

	DeliveryAdminPages(DeliveryAdministration deliveries) {
		this.deliveries = deliveries;
	}

	@Bean
	static NavigationItem deliveriesNavigationItem() {
		return new NavigationItem("Deliveries", "/admin/notifications", "activity", 93, Set.of(Role.ADMIN.name()));
	}

	@GetMapping("/admin/notifications")
	String page(CurrentUser me, Model model) {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		for (DeliveryAdministration.Count count : deliveries.counts(me)) {
			counts.computeIfAbsent(count.channel(), channel -> new TreeMap<>()).put(count.status(), count.count());
		}
		model.addAttribute("counts", counts);
		model.addAttribute("statuses", new String[] { "QUEUED", "HELD", "DIGEST", "SENT", "SKIPPED", "FAILED" });
		model.addAttribute("failed", deliveries.failed(me));
		return "notifications/deliveries";
	}

	@PostMapping("/admin/notifications/{id}/retry")
	String retry(@PathVariable long id, CurrentUser me, RedirectAttributes redirect) {
		deliveries.retry(id, me);
		redirect.addFlashAttribute("toast", "Delivery queued again");
		return "redirect:/admin/notifications";
	}

	@PostMapping("/api/v1/notification-deliveries/{id}/retry")
	@ResponseBody
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Queue a failed notification delivery again (admins)")
	void retryApi(@PathVariable long id, CurrentUser me) {
		deliveries.retry(id, me);
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
	void notFound(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.sendError(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
	}

}
