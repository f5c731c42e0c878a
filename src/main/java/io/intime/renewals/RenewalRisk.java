package io.intime.renewals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.shared.Money;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the pipeline's footer offers beside the export (spec 01 step 5): the risk report
 * (the renewals below high confidence, the largest expected loss first, each with the
 * factors that pull it down) and "Schedule renewal calls" (a call task on the user's own
 * list for each renewal whose action is a call or urgent, once).
 */
@Service
public class RenewalRisk {

	/** What marks the call tasks this makes, so a second click adds none. */
	static final String CALL_RECORD = "renewal-call";

	private final TaskManagement tasks;

	RenewalRisk(TaskManagement tasks) {
		this.tasks = tasks;
	}

	/**
	 * One renewal at risk: its row, the ARR expected to be lost (ARR × (1 − probability))
	 * and the factors that take most from its probability.
	 */
	public record Item(RenewalPipeline.Row row, Money expectedLossUsd, List<RenewalProbability.Contribution> risks) {
	}

	/**
	 * The report: the items, their ARR and expected loss, and the share of the ARR
	 * renewing in the window that is at risk (null when nothing renews).
	 */
	public record Report(RenewalPipeline.View view, List<Item> items, Money atRiskUsd, Money expectedLossUsd,
			int renewalsInWindow, Integer sharePercent) {
	}

	/**
	 * The renewals of the pipeline below high confidence, largest expected loss first.
	 */
	public Report report(RenewalPipeline.View view) {
		List<Item> items = view.rows()
			.stream()
			.filter(r -> !"HIGH_CONFIDENCE".equals(r.probability().bucket()))
			.map(r -> new Item(r, lossOf(r), r.probability().risks(3)))
			.sorted(Comparator.comparing((Item i) -> i.expectedLossUsd().amount()).reversed())
			.toList();
		Money atRisk = items.stream().map(i -> i.row().arrUsd()).reduce(Money.zero("USD"), Money::plus);
		Money loss = items.stream().map(Item::expectedLossUsd).reduce(Money.zero("USD"), Money::plus);
		Integer share = view.atStakeUsd().isZero() ? null
				: atRisk.amount()
					.multiply(BigDecimal.valueOf(100))
					.divide(view.atStakeUsd().amount(), 0, RoundingMode.HALF_UP)
					.intValue();
		return new Report(view, items, atRisk, loss, view.rows().size(), share);
	}

	static Money lossOf(RenewalPipeline.Row row) {
		BigDecimal lost = BigDecimal.valueOf(100 - row.probability().percent())
			.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
		return new Money(row.arrUsd().amount().multiply(lost).setScale(2, RoundingMode.HALF_UP), "USD");
	}

	/**
	 * Puts a renewal call on the user's list for each renewal of the pipeline whose
	 * action is a call or urgent and that has no open call task of the user's yet: urgent
	 * ones tomorrow, the others spread over the following business days.
	 * @return the number of calls added
	 */
	@Transactional
	public int scheduleCalls(RenewalPipeline.View view, CurrentUser user) {
		List<RenewalPipeline.Row> calls = view.rows()
			.stream()
			.filter(r -> r.action() == RenewalPipeline.Action.URGENT || r.action() == RenewalPipeline.Action.CALL)
			.sorted(Comparator.comparing((RenewalPipeline.Row r) -> r.action() != RenewalPipeline.Action.URGENT)
				.thenComparing(RenewalPipeline.Row::renewalDate))
			.toList();
		int added = 0;
		int day = 1;
		for (RenewalPipeline.Row r : calls) {
			if (hasOpenCall(r, user)) {
				continue;
			}
			LocalDate due = tasks.businessDaysFromToday(user.id(), user.timeZone(),
					r.action() == RenewalPipeline.Action.URGENT ? 1 : Math.min(++day, 5));
			tasks.create(new TaskForm("Renewal call with " + r.accountName(),
					r.contractNumber() + " renews " + r.renewalDate() + " (" + r.probability().percent() + "% likely). "
							+ r.reason(),
					user.id(), r.accountId(), CALL_RECORD, r.contractId(), due, null, 0,
					r.action() == RenewalPipeline.Action.URGENT ? TaskPriority.HIGH : TaskPriority.NORMAL, null), user);
			added++;
		}
		return added;
	}

	private boolean hasOpenCall(RenewalPipeline.Row row, CurrentUser user) {
		return tasks.ofAccount(row.accountId(), user)
			.stream()
			.anyMatch(t -> t.open() && CALL_RECORD.equals(t.recordType()) && t.assigneeId() == user.id()
					&& Long.valueOf(row.contractId()).equals(t.recordId()));
	}

	/** What "Schedule renewal calls" tells the user it did. */
	public static String saying(int added) {
		return added == 0 ? "Every renewal that needs a call has one on your list already"
				: added + (added == 1 ? " renewal call is" : " renewal calls are") + " on your list in My tasks";
	}

}
