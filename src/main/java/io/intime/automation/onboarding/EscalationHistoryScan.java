package io.intime.automation.onboarding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationView;
import io.intime.escalations.Severity;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 11: the account's support history (its escalations) of the last twelve months, and
 * whether it shows a churn risk: an open P0 or P1, or three or more escalations in the
 * year (the issue-frequency rubric of spec 03 gives no points from three on).
 */
@Component
class EscalationHistoryScan implements WorkflowAction {

	static final String KEY = "onboarding.escalation-scan";

	static final int MONTHS = 12;

	/** From this many escalations in a year the client is a churn risk. */
	static final int FREQUENT = 3;

	private final EscalationManagement escalations;

	private final OnboardingRecords records;

	EscalationHistoryScan(EscalationManagement escalations, OnboardingRecords records) {
		this.escalations = escalations;
		this.records = records;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Scan the escalation history for churn risks";
	}

	@Override
	@Transactional(readOnly = true)
	public ActionResult run(ActionContext context) {
		List<EscalationView> recent = new ArrayList<>();
		for (int page = 0;; page++) {
			PageResult<EscalationView> found = escalations.search(context.accountId(), null,
					new PageRequest(page, PageRequest.MAX_SIZE), context.actingAs());
			found.items().stream().filter(e -> records.within(e.raisedAt(), 365)).forEach(recent::add);
			if (!found.hasNext()) {
				break;
			}
		}
		recent.sort(Comparator.comparing(EscalationView::severity).thenComparing(EscalationView::raisedAt));
		List<EscalationView> open = recent.stream().filter(EscalationView::open).toList();
		List<EscalationView> severeOpen = open.stream()
			.filter(e -> e.severity() == Severity.P0 || e.severity() == Severity.P1)
			.toList();
		boolean churnRisk = !severeOpen.isEmpty() || recent.size() >= FREQUENT;
		StringBuilder line = new StringBuilder();
		if (recent.isEmpty()) {
			line.append("No escalations in the last ").append(MONTHS).append(" months: no churn risk");
		}
		else {
			line.append(OnboardingRecords.count(recent.size(), "escalation"))
				.append(" in the last ")
				.append(MONTHS)
				.append(" months");
			if (open.isEmpty()) {
				line.append(", none open");
			}
			else {
				line.append(", ").append(open.size()).append(" open");
				if (!severeOpen.isEmpty()) {
					line.append(" (")
						.append(String.join(", ", severeOpen.stream().map(e -> e.severity().name()).toList()))
						.append(")");
				}
			}
			line.append(churnRisk ? ": churn risk" : ": no churn risk");
			line.append(" — ")
				.append(String.join("; ",
						recent.stream()
							.map(e -> e.key() + " " + e.severity() + " " + e.status().label().toLowerCase(Locale.ROOT)
									+ ": " + e.title())
							.toList()));
		}
		return ActionResult.of(line.toString())
			.with("escalations", recent.size())
			.with("open", open.size())
			.with("openSevere", severeOpen.size())
			.with("churnRisk", churnRisk);
	}

}
