package io.intime.notifications.internal;

import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.notifications.internal.Inbox.InboxItem;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications; another user's is a 404. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "My notifications: list, unread count, mark read")
class NotificationsApi {

	private final Inbox inbox;

	NotificationsApi(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "My notifications, newest first",
			description = "unread=true for the unread ones only; " + "kind to keep one kind (e.g. escalation.raised).")
	PageResult<InboxItem> list(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, CurrentUser user) {
		String wanted = kind == null || kind.isBlank() ? null : kind.trim();
		return inbox.list(user.id(), unread, wanted, new PageRequest(page, size));
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of my notifications are unread")
	Map<String, Long> unreadCount(CurrentUser user) {
		return Map.of("unread", inbox.unread(user.id()));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of my notifications read")
	Map<String, Long> read(@PathVariable long id, CurrentUser user) {
		inbox.markRead(user.id(), id);
		return Map.of("unread", inbox.unread(user.id()));
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all my notifications read")
	Map<String, Long> readAll(CurrentUser user) {
		return Map.of("marked", (long) inbox.markAllRead(user.id()), "unread", 0L);
	}

}
