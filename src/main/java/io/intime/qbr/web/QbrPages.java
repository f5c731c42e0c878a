package io.intime.qbr.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.intime.identity.CurrentUser;
import io.intime.qbr.QbrFinalization;
import io.intime.qbr.QbrItems;
import io.intime.qbr.QbrPreparation;
import io.intime.qbr.QbrView;
import io.intime.qbr.Qbrs;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.web.Conflict;
import io.intime.shared.web.FormErrors;
import io.intime.shared.web.Stylesheet;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A QBR's page (spec 01 step 6, spec 02 step 9): its preparation (details, agenda, the
 * quarter's review, quality criteria, pre-read email), the meeting's notes, action items
 * and decisions, and "Finalize QBR" with its confirmation step; and the client action
 * items on the account page.
 */
@Controller
public class QbrPages {

	private static final java.time.format.DateTimeFormatter SAVED_AT = java.time.format.DateTimeFormatter
		.ofPattern("h:mm a", java.util.Locale.US);

	private final QbrPreparation preparation;

	private final QbrItems items;

	private final QbrFinalization finalization;

	private final Today time;

	private final io.intime.qbr.QbrDocuments documents;

	private final io.intime.qbr.QbrScheduling scheduling;

	private final io.intime.qbr.Qbrs qbrs;

	QbrPages(QbrPreparation preparation, QbrItems items, QbrFinalization finalization,
			io.intime.qbr.QbrDocuments documents, io.intime.qbr.QbrScheduling scheduling, io.intime.qbr.Qbrs qbrs,
			Today time) {
		this.documents = documents;
		this.scheduling = scheduling;
		this.qbrs = qbrs;
		this.time = time;
		this.preparation = preparation;
		this.items = items;
		this.finalization = finalization;
	}

	@Bean
	static Stylesheet qbrMeetingStylesheet() {
		return new Stylesheet("/css/qbr.css", 65);
	}

	/**
	 * The review's bar charts, for {@code qbr/qbr-parts :: review}: a bar's width is its
	 * share of the longest.
	 */
	@org.springframework.stereotype.Component("qbrCharts")
	public static class Charts {

		/** The largest count, at least 1. */
		public int max(List<io.intime.qbr.QuarterReview.Count> counts) {
			return counts == null ? 1
					: Math.max(1, counts.stream().mapToInt(io.intime.qbr.QuarterReview.Count::count).max().orElse(1));
		}

		/** The total revenue potential of the review's opportunities, per currency. */
		public List<io.intime.shared.Money> totals(io.intime.qbr.QuarterReview review) {
			return QbrPreparation.expansionTotal(review);
		}

		/** {@code part} of {@code whole} in percent, 0 to 100. */
		public int percent(int part, int whole) {
			return whole <= 0 ? 0 : Math.max(0, Math.min(100, Math.round(part * 100f / whole)));
		}

	}

	/**
	 * What the person typed into an item form, kept when it is refused.
	 *
	 * @param owner {@code user:12} or {@code contact:34}, or empty
	 */
	public record ItemDraft(String text, String owner, String dueDate) {

		static final ItemDraft EMPTY = new ItemDraft("", "", "");

	}

	@GetMapping("/qbrs/{id}")
	String qbr(@PathVariable long id, CurrentUser me, Model model) {
		return page(id, me, model);
	}

	@PostMapping("/qbrs/{id}/agenda")
	String agenda(@PathVariable long id, @RequestParam(required = false) String agenda, @RequestParam long version,
			CurrentUser me, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		String text = agenda == null ? "" : agenda;
		try {
			preparation.update(id, text, null, version, me);
			redirect.addFlashAttribute("toast", "Agenda saved");
			return "redirect:/qbrs/" + id + "#agenda";
		}
		catch (InvalidInputException refused) {
			model.addAttribute("agendaErrors", FormErrors.of(refused.errors()));
			response.setStatus(422);
		}
		catch (StaleVersionException stale) {
			String theirs = preparation.prepare(id, me).agenda();
			model.addAttribute("agendaConflict", Conflict.between(Conflict.KEPT, Map.of("agenda", theirs),
					Map.of("agenda", text), field -> "Agenda"));
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		model.addAttribute("agendaDraft", text);
		return page(id, me, model);
	}

	/**
	 * Saves the notes: from the form, or while the person types (htmx), answering with
	 * the save's state and the QBR's new version for the page's forms.
	 */
	@PostMapping("/qbrs/{id}/notes")
	String notes(@PathVariable long id, @RequestParam(required = false) String notes, @RequestParam long version,
			@RequestHeader(value = "HX-Request", required = false) String htmx, CurrentUser me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String text = notes == null ? "" : notes;
		try {
			QbrView saved = preparation.update(id, null, text, version, me);
			if (htmx != null) {
				model.addAttribute("saved", saved);
				model.addAttribute("savedAt", time.now(me.timeZone()).format(SAVED_AT));
				return "qbr/qbr-parts :: notes-saved";
			}
			redirect.addFlashAttribute("toast", "Notes saved");
			return "redirect:/qbrs/" + id + "#notes";
		}
		catch (InvalidInputException refused) {
			if (htmx != null) {
				model.addAttribute("problem", refused.errors().get(0).message());
				return "qbr/qbr-parts :: notes-problem";
			}
			model.addAttribute("notesErrors", FormErrors.of(refused.errors()));
			response.setStatus(422);
		}
		catch (StaleVersionException stale) {
			if (htmx != null) {
				model.addAttribute("problem", "Someone else changed this QBR: save to see their notes beside yours");
				return "qbr/qbr-parts :: notes-problem";
			}
			String theirs = preparation.prepare(id, me).qbr().notes();
			model.addAttribute("notesConflict",
					Conflict.between(Conflict.KEPT, Map.of("notes", theirs), Map.of("notes", text), field -> "Notes"));
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		model.addAttribute("notesDraft", text);
		return page(id, me, model);
	}

	@PostMapping("/qbrs/{id}/items")
	String addAction(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String dueDate,
			CurrentUser me, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ItemDraft draft = new ItemDraft(text, owner, dueDate);
		try {
			items.add(id, form(QbrItems.Kind.ACTION, draft), me);
			redirect.addFlashAttribute("toast", "Action item added");
			return "redirect:/qbrs/" + id + "#items";
		}
		catch (InvalidInputException refused) {
			model.addAttribute("actionDraft", draft);
			model.addAttribute("actionErrors", FormErrors.of(refused.errors()));
			response.setStatus(422);
			return page(id, me, model);
		}
	}

	@PostMapping("/qbrs/{id}/decisions")
	String addDecision(@PathVariable long id, @RequestParam(required = false) String text, CurrentUser me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ItemDraft draft = new ItemDraft(text, "", "");
		try {
			items.add(id, form(QbrItems.Kind.DECISION, draft), me);
			redirect.addFlashAttribute("toast", "Decision added");
			return "redirect:/qbrs/" + id + "#decisions";
		}
		catch (InvalidInputException refused) {
			model.addAttribute("decisionDraft", draft);
			model.addAttribute("decisionErrors", FormErrors.of(refused.errors()));
			response.setStatus(422);
			return page(id, me, model);
		}
	}

	@PostMapping("/qbrs/{id}/items/{itemId}")
	String editItem(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String text,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String dueDate,
			@RequestParam long version, CurrentUser me, RedirectAttributes redirect) {
		return act(id, "#item-" + itemId, redirect, "Saved", () -> {
			QbrItems.Item item = items.get(id, itemId, me);
			return items.update(id, itemId, form(item.kind(), new ItemDraft(text, owner, dueDate)), version, me);
		});
	}

	@PostMapping("/qbrs/{id}/items/{itemId}/done")
	String done(@PathVariable long id, @PathVariable long itemId, @RequestParam boolean done,
			@RequestParam long version, CurrentUser me, RedirectAttributes redirect) {
		return act(id, "#item-" + itemId, redirect, done ? "Marked done" : "Open again",
				() -> items.markDone(id, itemId, done, version, me));
	}

	@PostMapping("/qbrs/{id}/items/{itemId}/delete")
	String delete(@PathVariable long id, @PathVariable long itemId, CurrentUser me, RedirectAttributes redirect) {
		return act(id, "#items", redirect, "Removed", () -> {
			items.delete(id, itemId, me);
			return null;
		});
	}

	@PostMapping("/qbrs/{id}/pre-read")
	String preRead(@PathVariable long id, CurrentUser me, RedirectAttributes redirect) {
		try {
			QbrPreparation.PreRead sent = preparation.sendPreRead(id, me);
			redirect.addFlashAttribute("toast", "Pre-read sent to " + String.join(", ", sent.recipients()));
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute("flashError", firstMessage(refused));
		}
		return "redirect:/qbrs/" + id;
	}

	/**
	 * The confirmation step: what finalizing will do, for the account manager to confirm.
	 */
	@GetMapping("/qbrs/{id}/finalize")
	String confirm(@PathVariable long id, CurrentUser me, Model model) {
		model.addAttribute("plan", finalization.plan(id, me));
		return "qbr/qbr-finalize";
	}

	@PostMapping("/qbrs/{id}/finalize")
	String finalizeQbr(@PathVariable long id, @RequestParam long version, CurrentUser me, RedirectAttributes redirect) {
		try {
			QbrFinalization.Finalized done = finalization.finalizeQbr(id, version, me);
			redirect.addFlashAttribute("toast",
					"QBR finalized: " + done.taskIds().size() + (done.taskIds().size() == 1 ? " task" : " tasks")
							+ " created, summary sent to " + String.join(", ", done.emailedTo()));
			return "redirect:/qbrs/" + id;
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute("flashError", firstMessage(refused));
		}
		catch (StaleVersionException stale) {
			redirect.addFlashAttribute("flashError",
					"Someone else changed or finalized this QBR while you were confirming. " + stale.getMessage());
		}
		return "redirect:/qbrs/" + id + "/finalize";
	}

	/**
	 * The account page's "Client action items": the open items clients owe from finalized
	 * QBRs; nothing for those who do not read QBRs.
	 */
	@GetMapping("/accounts/{accountId}/client-action-items")
	String clientItems(@PathVariable long accountId, CurrentUser me, Model model) {
		model.addAttribute("clientItems", items.openClientItems(accountId, me));
		return "qbr/qbr-parts :: client-items";
	}

	// ------------------------------------------------------------------ internals

	private String page(long id, CurrentUser me, Model model) {
		// a meeting cancelled in the calendar publishes nothing: the QBR is put back to
		// planned before it is shown
		scheduling.releaseCancelledMeetings(List.of(qbrs.get(id, me).accountId()));
		QbrPreparation.Prep prep = preparation.prepare(id, me);
		model.addAttribute("prep", prep);
		model.addAttribute("review", prep.review());
		model.addAttribute("decks", documents.of(id, me));
		defaults(model, "actionDraft", ItemDraft.EMPTY);
		defaults(model, "decisionDraft", ItemDraft.EMPTY);
		for (String errors : List.of("agendaErrors", "notesErrors", "actionErrors", "decisionErrors")) {
			defaults(model, errors, FormErrors.none());
		}
		defaults(model, "agendaDraft", prep.agenda());
		defaults(model, "notesDraft", prep.qbr().notes());
		model.addAttribute("errors", FormErrors.none());
		return "qbr/qbr";
	}

	private static void defaults(Model model, String name, Object value) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, value);
		}
	}

	/** The item form of a page's fields; a date or owner it cannot read is refused. */
	static QbrItems.ItemForm form(QbrItems.Kind kind, ItemDraft draft) {
		Long userId = null;
		Long contactId = null;
		String owner = draft.owner() == null ? "" : draft.owner().trim();
		if (owner.matches("user:\\d{1,18}")) {
			userId = Long.valueOf(owner.substring(5));
		}
		else if (owner.matches("contact:\\d{1,18}")) {
			contactId = Long.valueOf(owner.substring(8));
		}
		else if (!owner.isEmpty()) {
			throw new InvalidInputException("owner", "choose who does it");
		}
		LocalDate due = null;
		if (draft.dueDate() != null && !draft.dueDate().isBlank()) {
			try {
				due = LocalDate.parse(draft.dueDate().trim());
			}
			catch (DateTimeParseException e) {
				throw new InvalidInputException("dueDate", "is not a date such as 2026-03-01");
			}
		}
		return new QbrItems.ItemForm(kind, draft.text(), userId, contactId, due);
	}

	private static String act(long id, String anchor, RedirectAttributes redirect, String done, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("toast", done);
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute("flashError", firstMessage(refused));
		}
		catch (StaleVersionException stale) {
			redirect.addFlashAttribute("flashError", stale.getMessage());
		}
		return "redirect:/qbrs/" + id + anchor;
	}

	/** "Owner: choose who does it". */
	static String firstMessage(InvalidInputException refused) {
		return refused.errors().stream().findFirst().map(QbrPages::sentence).orElse(refused.getMessage());
	}

	private static String sentence(FieldError error) {
		return switch (error.field()) {
			case "owner" -> "Owner: " + error.message();
			case "text" -> "Text: " + error.message();
			case "dueDate" -> "Due date: " + error.message();
			default -> capitalized(error.message());
		};
	}

	private static String capitalized(String message) {
		return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}

}
