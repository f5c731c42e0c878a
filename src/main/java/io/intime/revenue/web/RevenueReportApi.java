package io.intime.revenue.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.revenue.ArrMovement;
import io.intime.revenue.ChurnCategory;
import io.intime.revenue.FxRates;
import io.intime.revenue.Retention;
import io.intime.revenue.RevenueKpis;
import io.intime.revenue.RevenueSegment;
import io.intime.shared.Money;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Revenue retention over REST: the KPIs of a segment and period, the monthly series, the
 * ARR movements behind them, a churn's category, and the exchange rates finance keeps.
 */
@RestController
@Tag(name = "Revenue",
		description = "ARR movements and the retention KPIs of spec 03 (NRR, GRR, churn, expansion, NPS)")
class RevenueReportApi {

	/** The figures of one basis, amounts in USD. */
	record FiguresJson(Money startingArr, Money expansion, Money contraction, Money churn,
			Map<ChurnCategory, Money> churnByCategory, Money fxEffect, Money endingArr, Money newClientsArr,
			Money renewedArr, BigDecimal nrr, BigDecimal grr, BigDecimal revenueChurnRate, BigDecimal expansionRate) {

		static FiguresJson of(Retention.Figures f) {
			Map<ChurnCategory, Money> categories = new EnumMap<>(ChurnCategory.class);
			for (ChurnCategory c : ChurnCategory.values()) {
				categories.put(c, usd(f.churnOf(c)));
			}
			return new FiguresJson(usd(f.startingArr()), usd(f.expansion()), usd(f.contraction()), usd(f.churn()),
					categories, usd(f.fxEffect()), usd(f.endingArr()), usd(f.newLogoArr()), usd(f.renewedArr()),
					f.nrr(), f.grr(), f.revenueChurnRate(), f.expansionRate());
		}

	}

	record NpsJson(BigDecimal score, int responses, int promoters, int passives, int detractors) {
	}

	record KpisJson(String segment, LocalDate from, LocalDate to, int accounts, int startingClients, int churnedClients,
			int newClients, BigDecimal logoChurnRate, int constantCurrencyYear, FiguresJson constantCurrency,
			FiguresJson reported, NpsJson nps) {

		static KpisJson of(RevenueKpis.Report report) {
			Retention.Period p = report.retention();
			var t = report.npsTally();
			return new KpisJson(report.segmentLabel(), p.from(), p.to(), report.accounts(), p.startingClients(),
					p.churnedClients(), p.newClients(), p.logoChurnRate(), p.constantYear(),
					FiguresJson.of(p.constant()), FiguresJson.of(p.reported()),
					new NpsJson(report.nps(), t.responses(), t.promoters(), t.passives(), t.detractors()));
		}

	}

	record MonthJson(YearMonth month, BigDecimal trailingNrr, BigDecimal trailingNrrReported, BigDecimal trailingGrr,
			BigDecimal trailingLogoChurnRate, FiguresJson inMonth) {
	}

	record CategoryRequest(ChurnCategory churnCategory, Long version) {
	}

	record RateRequest(FxRates.Kind kind, LocalDate periodStart, String currency, BigDecimal usdRate, Long version) {
	}

	private final RevenueKpis kpis;

	private final FxRates rates;

	private final JsonForms forms;

	RevenueReportApi(RevenueKpis kpis, FxRates rates, JsonForms forms) {
		this.kpis = kpis;
		this.rates = rates;
		this.forms = forms;
	}

	@GetMapping("/api/v1/revenue/kpis")
	@Operation(summary = "Retention KPIs of a segment over a period",
			description = "Defaults: the trailing twelve months and the company (account managers: their portfolio). "
					+ "Segment by ownerId (an account manager), teamOf (a sales director), tier, region.")
	KpisJson kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long teamOf,
			@RequestParam(required = false) Tier tier, @RequestParam(required = false) String region,
			CurrentUser user) {
		LocalDate end = to != null ? to : kpis.today();
		LocalDate start = from != null ? from : YearMonth.from(end).minusMonths(11).atDay(1);
		return KpisJson.of(kpis.report(new RevenueSegment(ownerId, teamOf, tier, region), start, end, user));
	}

	@GetMapping("/api/v1/revenue/kpis/monthly")
	@Operation(summary = "Twelve months of retention",
			description = "For each month up to lastMonth (default: this month): the trailing-twelve-months rates "
					+ "and the month's own movements (constant currency).")
	List<MonthJson> monthly(@RequestParam(required = false) YearMonth lastMonth,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long teamOf,
			@RequestParam(required = false) Tier tier, @RequestParam(required = false) String region,
			CurrentUser user) {
		YearMonth last = lastMonth != null ? lastMonth : YearMonth.from(kpis.today());
		return kpis.trailingYear(new RevenueSegment(ownerId, teamOf, tier, region), last, user)
			.stream()
			.map(m -> new MonthJson(m.month(), m.trailingYear().constant().nrr(), m.trailingYear().reported().nrr(),
					m.trailingYear().constant().grr(), m.trailingYear().logoChurnRate(),
					FiguresJson.of(m.inMonth().constant())))
			.toList();
	}

	@GetMapping("/api/v1/arr-movements")
	@Operation(summary = "ARR movements", description = "The movements behind a KPI: figure EXPANSION, CONTRACTION, "
			+ "CHURN (with category), NEW_CLIENTS, RENEWALS or ALL, over a period and segment; newest first.")
	PageResult<ArrMovement> movements(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "ALL") RevenueKpis.Figure figure,
			@RequestParam(required = false) ChurnCategory category, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Long teamOf, @RequestParam(required = false) Tier tier,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		LocalDate end = to != null ? to : kpis.today();
		LocalDate start = from != null ? from : YearMonth.from(end).minusMonths(11).atDay(1);
		return kpis.movements(new RevenueSegment(ownerId, teamOf, tier, region), start, end, figure, category,
				new PageRequest(page, size), user);
	}

	@GetMapping("/api/v1/arr-movements/{id}")
	@Operation(summary = "One ARR movement")
	ArrMovement movement(@PathVariable long id, CurrentUser user) {
		return kpis.one(id, user);
	}

	@PatchMapping(path = "/api/v1/arr-movements/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Classify a churn", description = "Body: churnCategory (VOLUNTARY, INVOLUNTARY, STRUCTURAL) "
			+ "and version. Amount and date are derived from the contracts and cannot be changed.")
	ArrMovement reclassify(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		CategoryRequest r = forms.create(forms.object(body), CategoryRequest.class, Map.of());
		if (r.version() == null) {
			throw new io.intime.shared.InvalidInputException("version", "Give the version you read");
		}
		return kpis.reclassify(id, r.churnCategory(), r.version(), user);
	}

	@GetMapping("/api/v1/fx-rates")
	@Operation(summary = "Exchange rates finance keeps",
			description = "MONTHLY rates convert reported figures, CONSTANT (one per year) constant-currency ones.")
	List<FxRates.Rate> rates() {
		return rates.all();
	}

	@PutMapping(path = "/api/v1/fx-rates", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set an exchange rate (finance)",
			description = "Body: kind, periodStart (the month's or year's first day), currency, usdRate (USD per unit), "
					+ "version (omit for a new rate; the one read to change one).")
	FxRates.Rate setRate(@RequestBody(required = false) byte[] body, CurrentUser user) {
		RateRequest r = forms.create(forms.object(body), RateRequest.class, Map.of());
		return rates.set(r.kind(), r.periodStart(), r.currency(), r.usdRate(), r.version(), user);
	}

	private static Money usd(BigDecimal amount) {
		return new Money(amount, "USD");
	}

}
