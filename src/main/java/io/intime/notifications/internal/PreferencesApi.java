package io.intime.notifications.internal;

import java.time.LocalTime;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.notifications.internal.Preferences.Choices;
import io.intime.notifications.internal.Preferences.KindChoice;
import io.intime.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/notification-preferences}: the signed-in user's own preferences. */
@RestController
class PreferencesApi {

	private final Preferences preferences;

	PreferencesApi(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/api/v1/notification-preferences")
	@Operation(summary = "My notification preferences",
			description = "Channels per kind (the kind's defaults until chosen), quiet hours and digest in my time "
					+ "zone, phone and own chat webhook; version for the next PUT.")
	Choices get(CurrentUser me) {
		return preferences.of(me.id());
	}

	@PutMapping("/api/v1/notification-preferences")
	@Operation(summary = "Change my notification preferences",
			description = "With the version read; a stale version is a 409, a bad field a 400 naming it.")
	Choices put(@RequestBody PreferencesBody body, CurrentUser me) {
		if (body.version() == null) {
			throw new InvalidInputException("version", "is required: the version read with GET");
		}
		return preferences.save(me.id(),
				new Choices(body.quietStart(), body.quietEnd(), Boolean.TRUE.equals(body.digest()), body.digestTime(),
						body.phone(), body.chatWebhookUrl(), body.kinds() == null ? Map.of() : body.kinds(),
						body.version()));
	}

	/**
	 * The body of a PUT: every field optional but the version (an absent kind keeps its
	 * choice; absent quiet hours mean none).
	 */
	record PreferencesBody(LocalTime quietStart, LocalTime quietEnd, Boolean digest, LocalTime digestTime, String phone,
			String chatWebhookUrl, Map<String, KindChoice> kinds, Long version) {
	}

}
