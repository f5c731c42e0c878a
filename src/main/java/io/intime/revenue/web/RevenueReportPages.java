package io.intime.revenue.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.revenue.ChurnCategory;
import io.intime.revenue.FxRates;
import io.intime.revenue.RevenueKpis;
import io.intime.revenue.RevenueSegment;
import io.intime.shared.PageRequest;
import io.intime.shared.io.TableExport;
import io.intime.shared.web.ExportDownload;
import io.intime.shared.web.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The revenue reports page (spec 03's KPIs for a segment and a period, reported and
 * constant currency side by side, the trailing-twelve-months chart), the lists behind its
 * figures, and its exports as CSV and XLSX.
 */
@Controller
class RevenueReportPages {

	/** Who reads revenue reports: account managers (their portfolio) and those above. */
	static final Set<String> READERS = Set.of(Role.ACCOUNT_MANAGER.name(), Role.SALES_DIRECTOR.name(),
			Role.EXECUTIVE.name(), Role.FINANCE.name(), Role.ADMIN.name(), Role.LEGAL.name());

	private final RevenueKpis kpis;

	private final UserDirectory users;

	RevenueReportPages(RevenueKpis kpis, UserDirectory users) {
		this.kpis = kpis;
		this.users = users;
	}

	@Bean
	static NavigationItem revenueReportsNavigationItem() {
		return new NavigationItem("Revenue", "/revenue/reports", "activity", 22, READERS);
	}

	/** The report's criteria as the page's query string carries them. */
	public record Criteria(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Long ownerId, Long teamOf, Tier tier,
			String region, String basis) {

		/** The query string that keeps these criteria (for links). */
		public String query() {
			StringBuilder q = new StringBuilder("from=").append(from).append("&to=").append(to);
			if (ownerId != null) {
				q.append("&ownerId=").append(ownerId);
			}
			if (teamOf != null) {
				q.append("&teamOf=").append(teamOf);
			}
			if (tier != null) {
				q.append("&tier=").append(tier);
			}
			if (region != null && !region.isBlank()) {
				q.append("&region=")
					.append(java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8));
			}
			return q.toString();
		}

		public RevenueSegment segment() {
			return new RevenueSegment(ownerId, teamOf, tier, region);
		}

		public boolean reported() {
			return "reported".equals(basis);
		}

	}

	/**
	 * Fills what the reader did not choose: the trailing twelve months, and the reader's
	 * own ground (an account manager's portfolio, a director's team, the company).
	 */
	Criteria complete(Criteria c, CurrentUser me) {
		LocalDate today = kpis.today();
		LocalDate to = c.to() != null ? c.to() : today;
		LocalDate from = c.from() != null ? c.from() : YearMonth.from(to).minusMonths(11).atDay(1);
		Long owner = c.ownerId();
		Long team = c.teamOf();
		boolean chosen = owner != null || team != null || c.tier() != null
				|| (c.region() != null && !c.region().isBlank()) || "company".equals(c.basis());
		if (!chosen && me.hasRole(Role.ACCOUNT_MANAGER)) {
			owner = me.id();
		}
		else if (!chosen && me.hasRole(Role.SALES_DIRECTOR) && !users.directReports(me.id()).isEmpty()) {
			team = me.id();
		}
		String basis = "reported".equals(c.basis()) ? "reported" : "constant";
		return new Criteria(from, to, owner, team, c.tier(), c.region(), basis);
	}

	@GetMapping("/revenue/reports")
	String reports(@ModelAttribute Criteria criteria, CurrentUser me, Model model) {
		Criteria c = complete(criteria, me);
		RevenueKpis.Report report = kpis.report(c.segment(), c.from(), c.to(), me);
		List<RevenueKpis.Month> months = kpis.trailingYear(c.segment(), YearMonth.from(c.to()), me);
		model.addAttribute("c", c);
		model.addAttribute("report", report);
		model.addAttribute("months", months);
		model.addAttribute("chart", RetentionChart.of(months));
		model.addAttribute("query", c.query());
		model.addAttribute("presets", presets(kpis.today()));
		model.addAttribute("reportsAll", me.seesEverything() || me.hasRole(Role.FINANCE, Role.LEGAL));
		model.addAttribute("managers", managers(me));
		model.addAttribute("directors", me.seesEverything() || me.hasRole(Role.FINANCE, Role.LEGAL)
				? users.withRoles(Role.SALES_DIRECTOR) : List.of());
		model.addAttribute("regions", kpis.regions(me));
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("categories", ChurnCategory.values());
		return "revenue/reports";
	}

	@GetMapping("/revenue/reports/movements")
	String movements(@ModelAttribute Criteria criteria, @RequestParam(defaultValue = "ALL") RevenueKpis.Figure figure,
			@RequestParam(required = false) ChurnCategory category, @RequestParam(defaultValue = "0") int page,
			CurrentUser me, Model model) {
		Criteria c = complete(criteria, me);
		model.addAttribute("c", c);
		model.addAttribute("query", c.query());
		model.addAttribute("figure", figure);
		model.addAttribute("category", category);
		model.addAttribute("scope", kpis.scope(c.segment(), me).label());
		model.addAttribute("categories", ChurnCategory.values());
		model.addAttribute("canClassify",
				me.hasRole(Role.FINANCE, Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN, Role.ACCOUNT_MANAGER));
		model.addAttribute("result",
				kpis.movements(c.segment(), c.from(), c.to(), figure, category, new PageRequest(page, 50), me));
		return "revenue/report-movements";
	}

	@GetMapping("/revenue/reports/nps")
	String nps(@ModelAttribute Criteria criteria, CurrentUser me, Model model) {
		Criteria c = complete(criteria, me);
		RevenueKpis.Scope scope = kpis.scope(c.segment(), me);
		model.addAttribute("c", c);
		model.addAttribute("query", c.query());
		model.addAttribute("scope", scope.label());
		var answers = kpis.npsAnswers(c.segment(), c.from(), c.to(), me);
		model.addAttribute("names", kpis.names(scope, answers.stream().map(a -> a.accountId()).toList()));
		model.addAttribute("answers", answers);
		return "revenue/report-nps";
	}

	/**
	 * The twelve months of the chart with every figure on both bases: numbers as numbers
	 * and months as dates in XLSX.
	 */
	@GetMapping({ "/revenue/reports.csv", "/revenue/reports.xlsx" })
	void export(@ModelAttribute Criteria criteria, HttpServletRequest request, HttpServletResponse response,
			CurrentUser me) throws IOException {
		Criteria c = complete(criteria, me);
		String label = kpis.scope(c.segment(), me).label();
		List<RevenueKpis.Month> months = kpis.trailingYear(c.segment(), YearMonth.from(c.to()), me);
		TableExport.Format format = ExportDownload.formatOf(request.getRequestURI(), null, null);
		try (OutputStream out = ExportDownload.start(response, format,
				"revenue-" + YearMonth.from(c.to()) + "." + format.extension());
				TableExport.Writer writer = TableExport.open(format, "Revenue " + label,
						List.of("Month", "Segment", "T12M NRR % (constant)", "T12M NRR % (reported)",
								"T12M GRR % (constant)", "T12M GRR % (reported)", "T12M logo churn %",
								"T12M revenue churn % (constant)", "T12M expansion % (constant)",
								"Starting ARR T12M (USD, constant)", "Ending ARR T12M (USD, constant)",
								"FX effect T12M (USD, reported)", "Expansion in month (USD, constant)",
								"Contraction in month (USD, constant)", "Churn in month (USD, constant)",
								"New clients' ARR in month (USD, constant)", "Renewed ARR in month (USD, constant)"),
						out)) {
			for (RevenueKpis.Month m : months) {
				var t = m.trailingYear();
				var f = m.inMonth().constant();
				writer.row(m.month().atDay(1), label, t.constant().nrr(), t.reported().nrr(), t.constant().grr(),
						t.reported().grr(), t.logoChurnRate(), t.constant().revenueChurnRate(),
						t.constant().expansionRate(), t.constant().startingArr(), t.constant().endingArr(),
						t.reported().fxEffect(), f.expansion(), f.contraction(), f.churn(), f.newLogoArr(),
						f.renewedArr());
			}
		}
	}

	/** The movements behind a figure, as CSV or XLSX. */
	@GetMapping({ "/revenue/reports/movements.csv", "/revenue/reports/movements.xlsx" })
	void exportMovements(@ModelAttribute Criteria criteria,
			@RequestParam(defaultValue = "ALL") RevenueKpis.Figure figure,
			@RequestParam(required = false) ChurnCategory category, HttpServletRequest request,
			HttpServletResponse response, CurrentUser me) throws IOException {
		Criteria c = complete(criteria, me);
		TableExport.Format format = ExportDownload.formatOf(request.getRequestURI(), null, null);
		try (OutputStream out = ExportDownload.start(response, format,
				"arr-movements-" + c.from() + "-" + c.to() + "." + format.extension());
				TableExport.Writer writer = TableExport.open(format, "ARR movements",
						List.of("Date", "Account", "Kind", "Amount", "Currency", "Churn category", "Contract", "Cause"),
						out)) {
			int page = 0;
			io.intime.shared.PageResult<io.intime.revenue.ArrMovement> result;
			do {
				result = kpis.movements(c.segment(), c.from(), c.to(), figure, category,
						new PageRequest(page++, PageRequest.MAX_SIZE), me);
				for (var m : result.items()) {
					writer.row(m.occurredOn(), m.accountName(), m.kind().label(), m.amount().amount(),
							m.amount().currency(), m.churnCategory() == null ? null : m.churnCategory().label(),
							m.contractNumber(), m.cause());
				}
			}
			while (result.hasNext());
		}
	}

	private List<UserSummary> managers(CurrentUser me) {
		if (!(me.seesEverything() || me.hasRole(Role.FINANCE, Role.LEGAL))) {
			return List.of();
		}
		return users.withRoles(Role.ACCOUNT_MANAGER);
	}

	/** A period the filter offers in one click. */
	public record Preset(String label, LocalDate from, LocalDate to) {
	}

	static List<Preset> presets(LocalDate today) {
		List<Preset> presets = new ArrayList<>();
		YearMonth month = YearMonth.from(today);
		presets.add(new Preset("Trailing 12 months", month.minusMonths(11).atDay(1), today));
		int quarter = (today.getMonthValue() - 1) / 3;
		LocalDate quarterStart = LocalDate.of(today.getYear(), quarter * 3 + 1, 1);
		presets.add(new Preset("This quarter", quarterStart, today));
		presets.add(new Preset("Last quarter", quarterStart.minusMonths(3), quarterStart.minusDays(1)));
		presets.add(new Preset("Year to date", LocalDate.of(today.getYear(), 1, 1), today));
		presets.add(new Preset("Last year", LocalDate.of(today.getYear() - 1, 1, 1),
				LocalDate.of(today.getYear() - 1, 12, 31)));
		return presets;
	}

	/** The status colour of a KPI against its spec 03 target. */
	static String status(BigDecimal value, double good, double acceptable, boolean lowerIsBetter) {
		if (value == null) {
			return "none";
		}
		double v = value.doubleValue();
		if (lowerIsBetter) {
			return v < good ? "good" : v <= acceptable ? "fair" : "poor";
		}
		return v >= good ? "good" : v >= acceptable ? "fair" : "poor";
	}

}
