package io.intime.engagement.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.engagement.AccountEmails;
import io.intime.engagement.ActivityView;
import io.intime.engagement.EmailTemplates;
import io.intime.engagement.InboundEmails;
import io.intime.engagement.Sentiment;
import io.intime.identity.CurrentUser;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.FormErrors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Email from the product: compose from a template with a preview of the merged text and
 * send (logged on the account); the review of inbound email (spec 02 step 10); the
 * admins' template editor.
 */
@Controller
class EmailPages {

	private final AccountEmails emails;

	private final EmailTemplates templates;

	private final InboundEmails inbound;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final io.intime.engagement.ActivityManagement activities;

	EmailPages(AccountEmails emails, EmailTemplates templates, InboundEmails inbound, AccountManagement accounts,
			ContactManagement contacts, io.intime.engagement.ActivityManagement activities) {
		this.activities = activities;
		this.emails = emails;
		this.templates = templates;
		this.inbound = inbound;
		this.accounts = accounts;
		this.contacts = contacts;
	}

	// ------------------------------------------------------------------ compose

	@GetMapping("/accounts/{id}/email/new")
	String compose(@PathVariable long id, @RequestParam(required = false) String template,
			@RequestParam(required = false) Long contact, @RequestParam(required = false) Long reply,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String body, CurrentUser me,
			Model model) {
		String chosenSubject = subject;
		String chosenBody = body;
		if (template != null && !template.isBlank()) {
			EmailTemplates.EmailTemplate t = templates.get(template);
			chosenSubject = t.subject();
			chosenBody = t.body();
		}
		return page(id, template, contact, reply, chosenSubject, chosenBody, FormErrors.none(), me, model);
	}

	@PostMapping("/accounts/{id}/email/new")
	String send(@PathVariable long id, @RequestParam(required = false) String template,
			@RequestParam(required = false) Long contact, @RequestParam(required = false) Long reply,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String body,
			@RequestParam(defaultValue = "send") String action, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		if ("preview".equals(action)) {
			return page(id, template, contact, reply, subject, body, FormErrors.none(), me, model);
		}
		try {
			ActivityView sent = emails.send(id, new AccountEmails.Draft(contact, subject, body, reply), me);
			flash.addFlashAttribute("toast", "Sent “" + sent.subject() + "”; it is logged on the account");
			return "redirect:/accounts/" + id + "/activities#activity-" + sent.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return page(id, template, contact, reply, subject, body, FormErrors.of(e.errors()), me, model);
		}
	}

	private String page(long id, String template, Long contactId, Long reply, String subject, String body,
			FormErrors errors, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(id, me);
		List<ContactView> people = contacts.forAccount(id, me)
			.stream()
			.filter(c -> c.active() && c.email() != null)
			.toList();
		// without a choice: the contact the relationship runs through, else the first
		Long chosen = contactId != null ? contactId : activities.primaryContact(id, me).orElse(null);
		ContactView contact = people.stream()
			.filter(c -> chosen != null && c.id() == chosen)
			.findFirst()
			.orElse(contactId == null && !people.isEmpty() ? people.get(0) : null);
		Map<String, String> values = emails.mergeValues(account, contact, me);
		String previewSubject = null;
		String previewBody = null;
		if (!errors.any()) {
			try {
				previewSubject = EmailTemplates.merge("subject", subject == null ? "" : subject, values);
				previewBody = EmailTemplates.merge("body", body == null ? "" : body, values);
			}
			catch (InvalidInputException e) {
				errors = FormErrors.of(e.errors());
			}
		}
		model.addAttribute("account", account);
		model.addAttribute("contacts", people);
		model.addAttribute("contact", contact);
		model.addAttribute("templates", templates.all());
		model.addAttribute("template", template);
		model.addAttribute("reply", reply);
		model.addAttribute("subject", subject);
		model.addAttribute("body", body);
		model.addAttribute("previewSubject", previewSubject);
		model.addAttribute("previewBody", previewBody);
		model.addAttribute("fields", new java.util.TreeMap<>(EmailTemplates.FIELDS));
		model.addAttribute("errors", errors);
		return "engagement/email-compose";
	}

	// ------------------------------------------------------------------ review

	@GetMapping("/activities/pending")
	String pending(CurrentUser me, Model model) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (AccountSummary a : accounts.exportable(me)) {
			names.put(a.id(), a.name());
		}
		model.addAttribute("pending", inbound.pending(new ArrayList<>(names.keySet()), me));
		model.addAttribute("names", names);
		model.addAttribute("sentiments", Sentiment.values());
		return "engagement/email-review";
	}

	@PostMapping("/activities/{activityId}/review")
	String review(@PathVariable long activityId, @RequestParam String decision,
			@RequestParam(required = false) String sentiment, @RequestParam(required = false) String outcome,
			@RequestParam long version, CurrentUser me, RedirectAttributes flash) {
		try {
			Sentiment chosen = sentiment == null || sentiment.isBlank() ? null : Sentiment.valueOf(sentiment);
			inbound.review(activityId, "confirm".equals(decision), chosen, outcome, version, me);
			flash.addFlashAttribute("toast",
					"confirm".equals(decision) ? "Confirmed; it counts on the account now" : "Dismissed");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError",
					e.errors().stream().map(er -> fieldName(er) + " " + er.message()).findFirst().orElse("Refused"));
		}
		catch (StaleVersionException e) {
			flash.addFlashAttribute("flashError",
					"Someone else reviewed this email first; here is the list as it is now");
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("flashError", "Sentiment must be positive, neutral or negative");
		}
		return "redirect:/activities/pending";
	}

	private static String fieldName(FieldError error) {
		return switch (error.field()) {
			case "sentiment" -> "Sentiment";
			case "review" -> "This email";
			default -> error.field();
		};
	}

	// ------------------------------------------------------------------ templates
	// (admins)

	@GetMapping("/admin/email-templates")
	String templates(Model model) {
		model.addAttribute("templates", templates.all());
		model.addAttribute("fields", new java.util.TreeMap<>(EmailTemplates.FIELDS));
		model.addAttribute("errors", FormErrors.none());
		return "engagement/email-templates";
	}

	@PostMapping("/admin/email-templates/{key}")
	String saveTemplate(@PathVariable String key, @RequestParam String name, @RequestParam String subject,
			@RequestParam String body, @RequestParam long version, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		try {
			templates.update(key, name, subject, body, version, me);
			flash.addFlashAttribute("toast", "Saved the template “" + name + "”");
			return "redirect:/admin/email-templates#template-" + key;
		}
		catch (InvalidInputException | StaleVersionException e) {
			response.setStatus(e instanceof StaleVersionException ? 409 : 422);
			List<EmailTemplates.EmailTemplate> all = new ArrayList<>(templates.all());
			all.replaceAll(t -> t.key().equals(key) ? new EmailTemplates.EmailTemplate(t.id(), key, name, subject, body,
					e instanceof StaleVersionException ? version : t.version()) : t);
			model.addAttribute("templates", all);
			model.addAttribute("fields", new java.util.TreeMap<>(EmailTemplates.FIELDS));
			model.addAttribute("editing", key);
			model.addAttribute("errors",
					e instanceof InvalidInputException invalid ? FormErrors.of(invalid.errors()) : FormErrors.none()
						.add("name",
								"Someone else saved this template since you opened it; reload to see their version"));
			return "engagement/email-templates";
		}
	}

}
