package io.intime.executive;

import java.time.LocalDate;
import java.util.List;

import io.intime.accounts.HealthBand;
import io.intime.shared.Money;

/**
 * The strategic accounts portfolio (spec 01 step 1): its summary, health bands, contract
 * status, the executive actions needed and the accounts themselves.
 *
 * @param sharePercent the portfolio's share of the company's ARR, null when the company
 * has none
 * @param team a sales director's team portfolio rather than an executive's own
 */
public record PortfolioView(String owner, boolean team, LocalDate today, int count, Money combinedArr, Money companyArr,
		Integer sharePercent, Money averageArr, List<Band> bands, Status renewing, Status expansion, Status renewed,
		List<ExecutiveAction> urgent, List<ExecutiveAction> attention, List<Row> rows) {

	/** Accounts of one health band (null: not scored yet). */
	public record Band(HealthBand band, String label, int count, int percent, Money arr) {

		public String filter() {
			return band == null ? "unscored" : band.name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** A contract status line: how many accounts, and the ARR or potential behind it. */
	public record Status(String filter, int count, Money amount) {
	}

	/** One account of the portfolio, with what its row and the tabs show. */
	public record Row(AccountSignals signals, Money openPipeline, PlanProgress plan, boolean urgent, boolean attention,
			boolean renewing, boolean renewedRecently) {

		public long id() {
			return signals.account().id();
		}

		public boolean matches(String filter) {
			if (filter == null || filter.isBlank() || "all".equals(filter)) {
				return true;
			}
			HealthBand band = signals.band();
			return switch (filter) {
				case "green" -> band == HealthBand.GREEN;
				case "yellow" -> band == HealthBand.YELLOW;
				case "red" -> band == HealthBand.RED;
				case "unscored" -> band == null;
				case "renewing" -> renewing;
				case "expansion" -> openPipeline != null;
				case "renewed" -> renewedRecently;
				case "urgent" -> urgent;
				case "attention" -> attention;
				case "plans" -> plan != null;
				default -> true;
			};
		}
	}

	public List<Row> rows(String filter) {
		return rows.stream().filter(r -> r.matches(filter)).toList();
	}

	/** What a filter is called above the list it selects. */
	public static String filterLabel(String filter) {
		return switch (filter == null ? "all" : filter) {
			case "green" -> "Healthy accounts";
			case "yellow" -> "At-risk accounts";
			case "red" -> "Critical accounts";
			case "unscored" -> "Accounts without a score yet";
			case "renewing" -> "Renewing in 90 days";
			case "expansion" -> "Accounts with open expansion opportunities";
			case "renewed" -> "Renewed in the last 90 days";
			case "urgent" -> "Urgent: executive action needed";
			case "attention" -> "Needing attention";
			case "plans" -> "Accounts with an active recovery plan";
			default -> "All strategic accounts";
		};
	}
}
