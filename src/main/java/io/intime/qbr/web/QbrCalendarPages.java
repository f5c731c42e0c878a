package io.intime.qbr.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ReportableAccount;
import io.intime.accounts.StakeholderRole;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.qbr.QbrCalendar;
import io.intime.qbr.QbrCalendarLinks;
import io.intime.qbr.QbrQuarter;
import io.intime.qbr.QbrScheduleForm;
import io.intime.qbr.QbrScheduling;
import io.intime.qbr.QbrView;
import io.intime.qbr.Qbrs;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.web.FormErrors;
import io.intime.shared.web.NavigationItem;
import io.intime.shared.web.Stylesheet;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The QBR calendar (month grid and list) of an account manager, a sales director's team
 * and an executive, with the completion rate in its header; and "Schedule QBR", which the
 * console, the account page, the calendar and the executive portfolio open: the QBR's
 * meeting with its invitations through the calendar, the QBR linked to it.
 */
@Controller
class QbrCalendarPages {

	private final QbrCalendar calendar;

	private final QbrScheduling scheduling;

	private final Qbrs qbrs;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final Today time;

	QbrCalendarPages(QbrCalendar calendar, QbrScheduling scheduling, Qbrs qbrs, AccountManagement accounts,
			ContactManagement contacts, UserDirectory users, Today time) {
		this.calendar = calendar;
		this.scheduling = scheduling;
		this.qbrs = qbrs;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
		this.time = time;
	}

	@Bean
	static NavigationItem qbrsNavigationItem() {
		return new NavigationItem("QBRs", "/qbrs", "calendar", 19, Set.of(Role.ACCOUNT_MANAGER.name(),
				Role.SALES_DIRECTOR.name(), Role.EXECUTIVE.name(), Role.ADMIN.name()));
	}

	@Bean
	static Stylesheet qbrCalendarCss() {
		return new Stylesheet("/css/qbr-calendar.css", 70);
	}

	/** A month named by a request ("2026-12"), or the reader's current one. */
	static YearMonth month(String month, CurrentUser me, Today time) {
		if (month != null && !month.isBlank()) {
			try {
				return YearMonth.parse(month.trim());
			}
			catch (DateTimeParseException e) {
				// an unreadable month shows the current one rather than an error page
			}
		}
		return YearMonth.from(time.today(me.timeZone()));
	}

	@GetMapping("/qbrs")
	String calendar(@RequestParam(required = false) String month, @RequestParam(defaultValue = "month") String view,
			@RequestParam(required = false) String scope, @RequestParam(required = false) Long owner,
			@RequestParam(required = false) List<String> status, CurrentUser me, Model model) {
		QbrCalendar.View cal = calendar.month(month(month, me, time), QbrCalendar.Scope.of(scope), owner,
				QbrCalendar.State.of(status), me);
		String chosen = "list".equals(view) ? "list" : "month";
		model.addAttribute("cal", cal);
		model.addAttribute("view", chosen);
		model.addAttribute("links", new QbrCalendarLinks("/qbrs", Map.of(), cal, chosen));
		return "qbr/calendar";
	}

	/** The form as posted: text, so that a wrong value is named and the rest kept. */
	record Data(Long account, Long qbr, String quarter, Long version, String title, String date, String start,
			String duration, String timeZone, String location, String videoLink, String agenda, List<Long> users,
			List<Long> contacts) {

		Data {
			users = users == null ? List.of() : users;
			contacts = contacts == null ? List.of() : contacts;
		}

		QbrScheduleForm toForm(List<FieldError> errors) {
			io.intime.engagement.MeetingWhen when = io.intime.engagement.MeetingWhen.parse(date, start, duration,
					errors);
			return new QbrScheduleForm(qbr, account, quarter, version, title, when.day(), when.start(), when.minutes(),
					timeZone, location, videoLink, agenda, users, contacts);
		}

	}

	/**
	 * "+ Schedule QBR": the form for an account's QBR (the planned one named by
	 * {@code qbr}, else a quarter to choose), with the account's executives and economic
	 * buyers, its manager and its executive sponsor invited, 90 minutes on the next
	 * working day at 10:00, and the organization's QBR agenda.
	 */
	/**
	 * "QBR prep" from elsewhere (the renewal pipeline): the account's next open QBR, or
	 * the scheduling form when it has none.
	 */
	@GetMapping("/qbrs/accounts/{accountId}/next")
	String nextOf(@org.springframework.web.bind.annotation.PathVariable long accountId, CurrentUser me) {
		return qbrs.nextOpen(accountId, me)
			.map(q -> "redirect:/qbrs/" + q.id())
			.orElse("redirect:/qbrs/schedule?account=" + accountId);
	}

	@GetMapping("/qbrs/schedule")
	String scheduleForm(@RequestParam(required = false) Long account, @RequestParam(required = false) Long qbr,
			@RequestParam(required = false) String quarter, CurrentUser me, Model model) {
		Qbrs.requireReader(me);
		Long accountId = account;
		QbrQuarter chosen = null;
		Long version = null;
		if (qbr != null) {
			QbrView planned = qbrs.get(qbr, me);
			qbrs.requireEditor(planned, me);
			accountId = planned.accountId();
			chosen = planned.quarter();
			version = planned.version();
		}
		List<Long> people = new ArrayList<>();
		List<Long> clients = new ArrayList<>();
		String title = "";
		String agenda = "";
		if (accountId != null) {
			List<QbrScheduling.Option> options = scheduling.options(accountId, me);
			if (chosen == null) {
				chosen = options.stream()
					.filter(o -> o.quarter().equals(quarter))
					.findFirst()
					.or(() -> options.stream().findFirst())
					.map(o -> QbrQuarter.parse(o.quarter(), "quarter"))
					.orElse(null);
			}
			AccountDetails details = accounts.get(accountId, me);
			for (Long id : new Long[] { details.ownerId(),
					details.strategic() ? details.executiveSponsorId() : null }) {
				if (id != null && id != me.id() && !people.contains(id)) {
					people.add(id);
				}
			}
			contacts.forAccount(accountId, me)
				.stream()
				.filter(c -> c.active() && c.email() != null
						&& (c.stakeholderRole() == StakeholderRole.EXECUTIVE
								|| c.stakeholderRole() == StakeholderRole.ECONOMIC_BUYER))
				.forEach(c -> clients.add(c.id()));
			if (chosen != null) {
				title = details.name() + " QBR – " + chosen.label();
				agenda = scheduling.agenda(chosen);
			}
		}
		LocalDate day = time.today(me.timeZone()).plusDays(1);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return form(new Data(accountId, qbr, chosen == null ? null : chosen.code(), version, title, day.toString(),
				"10:00", String.valueOf(QbrScheduleForm.DEFAULT_MINUTES), me.timeZone().getId(), "", "", agenda, people,
				clients), FormErrors.none(), me, model);
	}

	@PostMapping("/qbrs/schedule")
	String schedule(Data data, CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		List<FieldError> parse = new ArrayList<>();
		QbrScheduleForm form = data.toForm(parse);
		try {
			if (!parse.isEmpty()) {
				if (form.contactIds().isEmpty()) {
					parse.add(new FieldError("attendees", "invite at least one person from the client"));
				}
				throw new InvalidInputException(parse);
			}
			QbrView scheduled = scheduling.schedule(form, me);
			long invited = form.userIds().stream().filter(id -> id != me.id()).distinct().count()
					+ form.contactIds().stream().distinct().count();
			flash.addFlashAttribute("toast",
					"Scheduled “" + scheduled.accountName() + " QBR – " + scheduled.quarter().label()
							+ "”; invitations are on their way to " + invited
							+ (invited == 1 ? " attendee" : " attendees"));
			YearMonth month = YearMonth.from(Qbrs.calendarDay(scheduled, me.timeZone()));
			return "redirect:/qbrs?month=" + month;
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(data, FormErrors.of(e.errors()), me, model);
		}
		catch (StaleVersionException e) {
			response.setStatus(409);
			return form(data,
					FormErrors.none()
						.add("qbr", "Someone changed this QBR since you opened the form; it may be scheduled already. "
								+ "Open it again from the calendar."),
					me, model);
		}
	}

	private String form(Data data, FormErrors errors, CurrentUser me, Model model) {
		Map<Long, String> accountOptions = new LinkedHashMap<>();
		qbrs.visibleAccounts(me)
			.values()
			.stream()
			.filter(a -> !me.hasRole(Role.ACCOUNT_MANAGER) || Objects.equals(a.ownerId(), me.id()))
			.sorted(Comparator.comparing(ReportableAccount::name, String.CASE_INSENSITIVE_ORDER))
			.forEach(a -> accountOptions.put(a.id(), a.name()));
		List<ContactView> people = List.of();
		List<QbrScheduling.Option> quarters = List.of();
		String accountName = null;
		if (data.account() != null && accountOptions.containsKey(data.account())) {
			accountName = accountOptions.get(data.account());
			people = contacts.forAccount(data.account(), me)
				.stream()
				.filter(c -> c.active() && c.email() != null)
				.toList();
			quarters = scheduling.options(data.account(), me);
		}
		model.addAttribute("data", data);
		model.addAttribute("errors", errors);
		model.addAttribute("accountOptions", accountOptions);
		model.addAttribute("accountName", accountName);
		model.addAttribute("quarters", quarters);
		model.addAttribute("fixedQuarter",
				data.qbr() != null && data.quarter() != null ? QbrQuarter.parse(data.quarter(), "quarter") : null);
		model.addAttribute("contacts", people);
		model.addAttribute("colleagues",
				users.withRoles(Role.values())
					.stream()
					.filter(u -> u.enabled() && u.id() != me.id())
					.sorted(Comparator.comparing(u -> u.fullName()))
					.toList());
		return "qbr/schedule";
	}

}
