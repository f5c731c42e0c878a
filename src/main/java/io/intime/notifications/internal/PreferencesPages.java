package io.intime.notifications.internal;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.notifications.internal.Preferences.Choices;
import io.intime.notifications.internal.Preferences.KindChoice;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification preferences page ({@code /settings/notifications}, where the email's
 * List-Unsubscribe link leads, with {@code ?kind=}) and its API
 * ({@code /api/v1/notification-preferences}).
 */
@Controller
class PreferencesPages {

	private final Preferences preferences;

	PreferencesPages(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/settings/notifications")
	String page(@RequestParam(required = false) String kind, CurrentUser me, Model model) {
		return form(model, preferences.of(me.id()), kind, Map.of(), null);
	}

	@PostMapping("/settings/notifications")
	String save(@RequestParam Map<String, String> params,
			@RequestParam(name = "kinds", required = false) List<String> keys, CurrentUser me, Model model,
			RedirectAttributes redirect) {
		// every kind's current choice, then what the form sent (a kind the form did not
		// list
		// keeps its choice)
		Map<String, KindChoice> kinds = new LinkedHashMap<>(preferences.of(me.id()).kinds());
		for (String key : keys == null ? List.<String>of() : keys) {
			kinds.put(key, new KindChoice(params.containsKey("email:" + key), params.containsKey("chat:" + key),
					params.containsKey("sms:" + key)));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Choices submitted = new Choices(time(params, "quietStart", errors), time(params, "quietEnd", errors),
				params.containsKey("digest"), time(params, "digestTime", errors), params.get("phone"),
				params.get("chatWebhookUrl"), kinds, parseVersion(params.get("version")));
		if (!errors.isEmpty()) {
			return form(model, submitted, null, errors, null);
		}
		try {
			preferences.save(me.id(), submitted);
			redirect.addFlashAttribute("toast", "Notification preferences saved");
			return "redirect:/settings/notifications";
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> errors.put(error.field(), error.message()));
			return form(model, submitted, null, errors, null);
		}
		catch (StaleVersionException e) {
			Choices theirs = preferences.of(me.id());
			return form(model,
					new Choices(submitted.quietStart(), submitted.quietEnd(), submitted.digest(),
							submitted.digestTime(), submitted.phone(), submitted.chatWebhookUrl(), submitted.kinds(),
							theirs.version()),
					null, errors, "You changed your preferences in another window: those are saved now. "
							+ "Yours are still in the form below; save again to keep them.");
		}
	}

	private String form(Model model, Choices choices, String highlight, Map<String, String> errors,
			String conflictMessage) {
		model.addAttribute("choices", choices);
		model.addAttribute("kinds", preferences.kinds());
		model.addAttribute("highlight", highlight);
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("conflictMessage", conflictMessage);
		return "notifications/preferences";
	}

	private static LocalTime time(Map<String, String> params, String field, Map<String, String> errors) {
		String value = params.get(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "must be a time such as 21:00");
			return null;
		}
	}

	private static long parseVersion(String value) {
		try {
			return value == null ? 0 : Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

}
