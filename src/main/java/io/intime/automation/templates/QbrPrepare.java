package io.intime.automation.templates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.qbr.QbrMetrics;
import io.intime.qbr.QbrQuarter;
import io.intime.qbr.QbrScheduling;
import io.intime.qbr.QbrView;
import io.intime.qbr.Qbrs;
import io.intime.qbr.QuarterReview;
import io.intime.shared.MoneyFormat;
import io.intime.shared.Today;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;

/**
 * The QBR template's first step: finds the QBR the run prepares (the run's, else the
 * account's next open one, planned now by the cadence when due), computes its quarter's
 * review with the QBR module's metrics, logs the key figures, and keeps the ones the
 * pre-QBR form asks for under that form's field keys (renewal date, ARR, support tickets,
 * NPS) so that the form starts from them.
 */
@Component
class QbrPrepare implements WorkflowAction {

	static final String KEY = "qbr.prepare";

	private final Qbrs qbrs;

	private final QbrMetrics metrics;

	private final QbrScheduling scheduling;

	private final AccountManagement accounts;

	private final ContractManagement contracts;

	private final Today time;

	QbrPrepare(Qbrs qbrs, QbrMetrics metrics, QbrScheduling scheduling, AccountManagement accounts,
			ContractManagement contracts, Today time) {
		this.qbrs = qbrs;
		this.metrics = metrics;
		this.scheduling = scheduling;
		this.accounts = accounts;
		this.contracts = contracts;
		this.time = time;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Computes the quarter's QBR metrics";
	}

	@Override
	public ActionResult run(ActionContext context) {
		AccountDetails account = accounts.get(context.accountId(), Actors.SYSTEM);
		Optional<QbrView> qbr = qbrOf(context, account);
		QuarterReview review = qbr.isPresent() ? metrics.review(qbr.get(), Actors.SYSTEM)
				: metrics.review(account.id(), QbrQuarter.of(time.organizationToday()), Actors.SYSTEM);
		List<String> log = new ArrayList<>();
		Map<String, Object> data = new LinkedHashMap<>();
		log.add(review.quarter().label() + " review of " + account.name() + " as of " + review.asOf()
				+ (qbr.isPresent() ? " (QBR " + qbr.get().status().label().toLowerCase(java.util.Locale.ROOT) + ")"
						: ": no open QBR, the cadence plans none now"));
		for (QuarterReview.Metric metric : review.metrics()) {
			log.add(metric.label() + ": "
					+ (metric.missing() ? "no data — " + metric.missingReason()
							: metric.value() + (metric.target() == null ? "" : " (" + metric.target() + ", "
									+ metric.status().name().toLowerCase(java.util.Locale.ROOT) + ")")));
		}
		if (review.health() != null && review.health().score() != null) {
			log.add("Health " + review.health().score() + " (" + review.health().band() + ")");
		}
		int escalations = review.challenges().size();
		log.add("Escalations this quarter: " + escalations);
		Optional<LocalDate> renewal = contracts.forAccount(account.id(), Actors.SYSTEM)
			.stream()
			.filter(c -> c.status() == ContractStatus.ACTIVE)
			.map(ContractView::endDate)
			.min(Comparator.naturalOrder())
			.map(end -> end.plusDays(1));
		renewal.ifPresent(day -> {
			data.put("renewal-date", day.toString());
			log.add("Renewal date: " + day);
		});
		data.put("arr", account.arr().amount().toPlainString());
		log.add("ARR: " + MoneyFormat.format(account.arr()));
		data.put("support-tickets", String.valueOf(escalations));
		review.metrics()
			.stream()
			.filter(m -> m.key().equals("nps") && m.number() != null)
			.findFirst()
			.ifPresent(nps -> data.put("nps-score", nps.number().stripTrailingZeros().toPlainString()));
		data.put("quarter", review.quarter().code());
		qbr.ifPresent(q -> {
			data.put("qbrId", q.id());
			data.put("qbrPage", "/qbrs/" + q.id());
			log.add("The QBR's page makes the deck: /qbrs/" + q.id());
		});
		return new ActionResult(log, data, null, null);
	}

	/** The run's QBR, else the account's next open one (planned now when due). */
	private Optional<QbrView> qbrOf(ActionContext context, AccountDetails account) {
		if (context.qbrId() != null) {
			return Optional.of(qbrs.get(context.qbrId(), Actors.SYSTEM));
		}
		Optional<QbrView> open = qbrs.nextOpen(account.id(), Actors.SYSTEM);
		if (open.isEmpty() && account.ownerId() != null) {
			scheduling.planFor(List.of(account.ownerId()));
			open = qbrs.nextOpen(account.id(), Actors.SYSTEM);
		}
		return open;
	}

}
