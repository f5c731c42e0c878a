package io.intime.executive.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.intime.executive.PortfolioView;
import io.intime.executive.StrategicPortfolio;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.io.TableExport;
import io.intime.shared.web.ExportDownload;
import io.intime.shared.web.NavigationItem;
import io.intime.shared.web.Stylesheet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The strategic accounts portfolio (spec 01 step 1), the executive's home: Portfolio
 * View, Account Health, Renewals, QBR Calendar and Reports. Every number is a link to the
 * list behind it (the same page with a filter); the body is fetched again every minute,
 * and when that fails the page keeps what it shows and says how old it is.
 */
@Controller
class PortfolioPages {

	static final Set<String> TABS = Set.of("portfolio", "health", "renewals", "qbrs", "reports");

	private final StrategicPortfolio portfolio;

	private final io.intime.renewals.RenewalPipeline renewals;

	private final io.intime.renewals.RenewalRisk risk;

	private final io.intime.qbr.QbrCalendar qbrs;

	private final io.intime.shared.Today time;

	PortfolioPages(StrategicPortfolio portfolio, io.intime.renewals.RenewalPipeline renewals,
			io.intime.renewals.RenewalRisk risk, io.intime.qbr.QbrCalendar qbrs, io.intime.shared.Today time) {
		this.portfolio = portfolio;
		this.renewals = renewals;
		this.risk = risk;
		this.qbrs = qbrs;
		this.time = time;
	}

	/** The Renewals tab's risk report: its renewals below high confidence. */
	@GetMapping("/executive/strategic-accounts/renewals/risk")
	String renewalRisk(CurrentUser me, Model model) {
		model.addAttribute("report", risk.report(renewalsOf(portfolio.of(me), me)));
		model.addAttribute("back", "/executive/strategic-accounts?tab=renewals");
		model.addAttribute("exportBase", "/executive/strategic-accounts/renewals");
		return "renewals/risk";
	}

	/** The Renewals tab's "Schedule renewal calls": on the executive's own list. */
	@org.springframework.web.bind.annotation.PostMapping("/executive/strategic-accounts/renewals/calls")
	String scheduleRenewalCalls(CurrentUser me,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		int added = risk.scheduleCalls(renewalsOf(portfolio.of(me), me), me);
		redirect.addFlashAttribute("toast", io.intime.renewals.RenewalRisk.saying(added));
		return "redirect:/executive/strategic-accounts?tab=renewals";
	}

	/**
	 * The Renewals tab (spec 01 step 5): the renewal pipeline of the portfolio's accounts
	 * over the next 90 days.
	 */
	private io.intime.renewals.RenewalPipeline.View renewalsOf(PortfolioView view, CurrentUser me) {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		view.rows(null).forEach(r -> ids.add(r.signals().account().id()));
		return renewals.of(me, io.intime.renewals.RenewalPipeline.DEFAULT_WINDOW, a -> ids.contains(a.id()));
	}

	/** The Renewals tab's forecast as CSV or XLSX. */
	@GetMapping({ "/executive/strategic-accounts/renewals.csv", "/executive/strategic-accounts/renewals.xlsx" })
	void renewalForecast(HttpServletRequest request, HttpServletResponse response, CurrentUser me) throws IOException {
		io.intime.renewals.RenewalPipeline.View view = renewalsOf(portfolio.of(me), me);
		TableExport.Format format = ExportDownload.formatOf(request.getRequestURI(), null, null);
		try (OutputStream out = ExportDownload.start(response, format,
				io.intime.renewals.RenewalForecast.fileName(view, format))) {
			io.intime.renewals.RenewalForecast.write(view, format, out);
		}
	}

	@Bean
	static NavigationItem strategicAccountsNavigationItem() {
		return new NavigationItem("Strategic accounts", "/executive/strategic-accounts", "star", 2,
				Set.of(Role.EXECUTIVE.name(), Role.SALES_DIRECTOR.name()));
	}

	@Bean
	static Stylesheet executiveCss() {
		return new Stylesheet("/css/executive.css", 60);
	}

	@GetMapping("/executive/strategic-accounts")
	String portfolio(@RequestParam(defaultValue = "portfolio") String tab,
			@RequestParam(required = false) String filter, QbrTab qbr, CurrentUser me, Model model) {
		fill(model, tab, filter, qbr, me);
		return "executive/portfolio";
	}

	/** The tab's body alone, for the refresh every minute and the Refresh shortcut. */
	@GetMapping("/executive/strategic-accounts/live")
	String live(@RequestParam(defaultValue = "portfolio") String tab, @RequestParam(required = false) String filter,
			QbrTab qbr, CurrentUser me, Model model) {
		fill(model, tab, filter, qbr, me);
		return "executive/portfolio :: live";
	}

	/**
	 * The QBR Calendar tab's month, view (month or list) and the states shown.
	 */
	record QbrTab(String month, String view, List<String> status) {
	}

	/** The Reports tab's table as CSV or XLSX. */
	@GetMapping({ "/executive/strategic-accounts/report.csv", "/executive/strategic-accounts/report.xlsx" })
	void report(HttpServletRequest request, HttpServletResponse response, CurrentUser me) throws IOException {
		PortfolioView view = portfolio.of(me);
		TableExport.Format format = ExportDownload.formatOf(request.getRequestURI(), null, null);
		try (OutputStream out = ExportDownload.start(response, format,
				"strategic-accounts-" + view.today() + "." + format.extension());
				TableExport.Writer writer = TableExport.open(format, "Strategic accounts " + view.today(),
						List.of("Account", "Key", "Account manager", "ARR (USD)", "Health", "Band", "Contract end",
								"Days to renewal", "Last executive touch", "Days since", "NPS (90 days)",
								"NPS (90 days before)", "Open escalations", "Falloffs (60 days)", "Open pipeline (USD)",
								"Recovery plan progress %", "Action"),
						out)) {
			for (PortfolioView.Row row : view.rows()) {
				var s = row.signals();
				var a = s.account();
				List<Object> values = new ArrayList<>();
				values.add(a.name());
				values.add(a.key());
				values.add(a.ownerName());
				values.add(a.arrUsd().amount());
				values.add(a.healthScore());
				values.add(a.healthBand() == null ? null : a.healthBand().name());
				values.add(a.renewalDate());
				values.add(s.daysToRenewal());
				values.add(s.lastExecutiveTouch());
				values.add(s.daysSinceTouch());
				values.add(s.npsNow());
				values.add(s.npsBefore());
				values.add(s.openEscalations());
				values.add(s.falloffs());
				values.add(row.openPipeline() == null ? null : row.openPipeline().amount());
				values.add(row.plan() == null ? null : row.plan().progressPercent());
				values.add(row.urgent() ? "Urgent" : row.attention() ? "Attention" : "");
				writer.row(values);
			}
		}
	}

	/**
	 * The database did not answer (spec 01, "Account Data Load Failed"): the refresh gets
	 * a 503, and the page keeps the values it shows, says how old they are and offers
	 * Retry.
	 */
	@org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.dao.DataAccessException.class)
	org.springframework.http.ResponseEntity<String> unavailable(org.springframework.dao.DataAccessException e) {
		org.slf4j.LoggerFactory.getLogger(PortfolioPages.class).warn("Unable to load account data", e);
		return org.springframework.http.ResponseEntity.status(503)
			.contentType(org.springframework.http.MediaType.TEXT_PLAIN)
			.body("Unable to load account data");
	}

	private void fill(Model model, String tab, String filter, QbrTab qbr, CurrentUser me) {
		PortfolioView view = portfolio.of(me);
		String chosen = TABS.contains(tab) ? tab : "portfolio";
		model.addAttribute("view", view);
		model.addAttribute("tab", chosen);
		model.addAttribute("filter", filter == null || filter.isBlank() ? "all" : filter);
		model.addAttribute("filterLabel", PortfolioView.filterLabel(filter));
		List<PortfolioView.Row> rows = view.rows(filter);
		if ("health".equals(chosen)) {
			rows = rows.stream()
				.sorted(java.util.Comparator
					.comparing((PortfolioView.Row r) -> r.signals().account().healthScore() == null ? Integer.MAX_VALUE
							: r.signals().account().healthScore()))
				.toList();
		}
		model.addAttribute("rows", rows);
		if ("renewals".equals(chosen)) {
			model.addAttribute("renewals", renewalsOf(view, me));
			model.addAttribute("execCalls", true);
			model.addAttribute("qbrReader", io.intime.qbr.Qbrs.reads(me));
		}
		if ("qbrs".equals(chosen)) {
			// the QBRs of the portfolio's accounts (spec 01: "QBR Calendar")
			java.time.YearMonth month = java.time.YearMonth.from(time.today(me.timeZone()));
			try {
				month = qbr.month() == null || qbr.month().isBlank() ? month
						: java.time.YearMonth.parse(qbr.month().trim());
			}
			catch (java.time.format.DateTimeParseException e) {
				// an unreadable month shows the current one
			}
			String qbrView = "list".equals(qbr.view()) ? "list" : "month";
			io.intime.qbr.QbrCalendar.View cal = qbrs.month(month, io.intime.qbr.QbrCalendar.Scope.PORTFOLIO, null,
					io.intime.qbr.QbrCalendar.State.of(qbr.status()), me);
			model.addAttribute("cal", cal);
			model.addAttribute("qbrView", qbrView);
			model.addAttribute("qbrLinks", new io.intime.qbr.QbrCalendarLinks("/executive/strategic-accounts",
					java.util.Map.of("tab", "qbrs"), cal, qbrView));
		}
	}

}
