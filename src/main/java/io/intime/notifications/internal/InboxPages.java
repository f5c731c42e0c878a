package io.intime.notifications.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.identity.CurrentUser;
import io.intime.notifications.NotificationKind;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bell on every page and the notifications page: the unread badge (fetched by htmx
 * after the page loads and every 30 seconds, so a page costs no query for it), the panel
 * of the latest ten, the full list with All / Unread and a filter by kind, mark read and
 * mark all read; opening a notification marks it read and goes to its record.
 */
@Controller
class InboxPages {

	private static final int PAGE_SIZE = 25;

	private final Inbox inbox;

	private final Map<String, NotificationKind> kinds;

	InboxPages(Inbox inbox, List<NotificationKind> kinds) {
		this.inbox = inbox;
		this.kinds = kinds.stream().collect(Collectors.toMap(NotificationKind::key, Function.identity()));
	}

	@GetMapping("/notifications/badge")
	String badge(CurrentUser me, Model model) {
		model.addAttribute("unread", inbox.unread(me.id()));
		return "notifications/parts :: badge";
	}

	@GetMapping("/notifications/panel")
	String panel(CurrentUser me, Model model) {
		model.addAttribute("unread", inbox.unread(me.id()));
		model.addAttribute("items", inbox.list(me.id(), false, null, new PageRequest(0, 10)).items());
		model.addAttribute("kinds", kinds);
		return "notifications/parts :: panel";
	}

	@GetMapping("/notifications")
	String page(@RequestParam(defaultValue = "all") String show, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page, CurrentUser me, Model model) {
		boolean unreadOnly = "unread".equals(show);
		String shownKind = kind == null || kind.isBlank() ? null : kind;
		model.addAttribute("show", unreadOnly ? "unread" : "all");
		model.addAttribute("kind", shownKind);
		model.addAttribute("unread", inbox.unread(me.id()));
		model.addAttribute("notifications",
				inbox.list(me.id(), unreadOnly, shownKind, new PageRequest(Math.max(0, page), PAGE_SIZE)));
		model.addAttribute("kinds", kinds);
		model.addAttribute("kindChoices",
				kinds.values().stream().sorted(Comparator.comparing(NotificationKind::label)).toList());
		return "notifications/list";
	}

	/** Marks it read and goes to its record (the notifications page when it has none). */
	@GetMapping("/notifications/{id}/open")
	String open(@PathVariable long id, CurrentUser me) {
		String link = inbox.markRead(me.id(), id);
		return "redirect:" + (link.startsWith("/") ? link : "/notifications");
	}

	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable long id, CurrentUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "Referer", required = false) String referer, Model model) {
		inbox.markRead(me.id(), id);
		if (htmx != null) {
			model.addAttribute("unread", inbox.unread(me.id()));
			return "notifications/parts :: marked";
		}
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(CurrentUser me, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		inbox.markAllRead(me.id());
		if (htmx != null) {
			return panel(me, model);
		}
		return "redirect:/notifications";
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
	void notFound(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.sendError(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
	}

}
