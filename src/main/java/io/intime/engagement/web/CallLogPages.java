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
import io.intime.engagement.ActivityType;
import io.intime.engagement.CallLogging;
import io.intime.engagement.CallOutcome;
import io.intime.engagement.CallType;
import io.intime.engagement.Sentiment;
import io.intime.identity.CurrentUser;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Today;
import io.intime.shared.web.FormErrors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Log call (spec 02 step 5): started from the console, an alert, a meeting or an account,
 * with the account, contact and topic it was started with; a running timer, notes from
 * the call type's template, outcome, sentiment, tags and next actions, all saved with
 * "Log call and create tasks".
 */
@Controller
class CallLogPages {

	private final CallLogging logging;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final Today time;

	CallLogPages(CallLogging logging, AccountManagement accounts, ContactManagement contacts, Today time) {
		this.logging = logging;
		this.accounts = accounts;
		this.contacts = contacts;
		this.time = time;
	}

	@GetMapping("/log/new")
	String start(@RequestParam(required = false) Long account, @RequestParam(required = false) Long contact,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String type,
			@RequestParam(required = false) String callType, CurrentUser me, Model model) {
		return page(CallLogFormData.start(account, contact, topic, type, callType), FormErrors.none(), me, model);
	}

	@PostMapping("/log/new")
	String log(@ModelAttribute CallLogFormData form, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		List<FieldError> parseErrors = new ArrayList<>();
		try {
			io.intime.engagement.CallLog log = form.toLog(parseErrors);
			if (!parseErrors.isEmpty()) {
				throw new InvalidInputException(List.of());
			}
			CallLogging.Logged logged = logging.log(log, me);
			int made = logged.tasks().size();
			flash.addFlashAttribute("toast",
					"Logged " + logged.activity().type().label().toLowerCase() + " “" + logged.activity().subject()
							+ "”" + (made == 0 ? "" : " and created " + made + " task" + (made == 1 ? "" : "s")));
			return "redirect:/accounts/" + logged.activity().accountId() + "/activities#activity-"
					+ logged.activity().id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return page(form, FormErrors.of(parseErrors).addAll(e.errors()), me, model);
		}
	}

	private String page(CallLogFormData form, FormErrors errors, CurrentUser me, Model model) {
		Map<Long, String> accountOptions = new LinkedHashMap<>();
		for (AccountSummary a : accounts.exportable(me)) {
			if (a.editable() || me.seesEverything()) {
				accountOptions.put(a.id(), a.name());
			}
		}
		AccountDetails account = null;
		List<ContactView> people = List.of();
		List<AccountManagement.TeamMember> team = List.of();
		if (form.account() != null) {
			account = accounts.get(form.account(), me);
			accountOptions.putIfAbsent(account.id(), account.name());
			people = contacts.forAccount(account.id(), me).stream().filter(ContactView::active).toList();
			team = accounts.team(account.id());
		}
		Map<String, String> templates = new LinkedHashMap<>();
		for (CallType t : CallType.values()) {
			templates.put(t.name(), t.template());
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("account", account);
		model.addAttribute("accountOptions", accountOptions);
		model.addAttribute("contacts", people);
		model.addAttribute("team", team);
		model.addAttribute("kinds", List.of(ActivityType.CALL, ActivityType.MEETING, ActivityType.NOTE));
		model.addAttribute("callTypes", CallType.values());
		model.addAttribute("templates", templates);
		model.addAttribute("outcomes", CallOutcome.values());
		model.addAttribute("sentiments", Sentiment.values());
		model.addAttribute("today", time.today(me.timeZone()));
		return "engagement/log-call";
	}

}
