package io.intime.automation.templates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.escalations.EscalationFacts;
import io.intime.health.HealthReport;
import io.intime.health.HealthScores;
import io.intime.shared.Today;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;

/**
 * The Client Health Check's first step: the account's health score and band with its
 * weakest components, the days to its next renewal and the escalations of the last 90
 * days, kept under the trigger form's field keys (current health, days to renewal) so
 * that the form starts from them.
 */
@Component
class HealthCheckSnapshot implements WorkflowAction {

	static final String KEY = "health-check.snapshot";

	private final HealthScores health;

	private final ContractManagement contracts;

	private final EscalationFacts escalations;

	private final Today time;

	HealthCheckSnapshot(HealthScores health, ContractManagement contracts, EscalationFacts escalations, Today time) {
		this.health = health;
		this.contracts = contracts;
		this.escalations = escalations;
		this.time = time;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Reads the account's health, renewal date and recent escalations";
	}

	@Override
	public ActionResult run(ActionContext context) {
		List<String> log = new ArrayList<>();
		Map<String, Object> data = new LinkedHashMap<>();
		HealthReport report = health.current(context.accountId(), Actors.SYSTEM);
		if (report == null) {
			log.add("Health: not scored yet");
		}
		else {
			data.put("current-health", report.band().label());
			data.put("health-score", report.score());
			String weakest = report.components()
				.stream()
				.filter(c -> !c.missing())
				.sorted(Comparator.comparingInt(HealthReport.Component::percent))
				.limit(2)
				.map(c -> c.label() + " " + c.points() + "/" + c.maximum())
				.reduce((a, b) -> a + ", " + b)
				.orElse("");
			log.add("Health " + report.score() + " (" + report.band().label() + ")"
					+ (weakest.isEmpty() ? "" : "; weakest: " + weakest));
		}
		LocalDate today = time.organizationToday();
		Optional<ContractView> next = contracts.forAccount(context.accountId(), Actors.SYSTEM)
			.stream()
			.filter(c -> c.status() == ContractStatus.ACTIVE)
			.min(Comparator.comparing(ContractView::endDate));
		if (next.isPresent()) {
			long days = Math.max(0, ChronoUnit.DAYS.between(today, next.get().endDate().plusDays(1)));
			data.put("days-to-renewal", String.valueOf(days));
			log.add("Renewal of " + next.get().number() + " in " + days + " days (" + next.get().endDate().plusDays(1)
					+ ")");
		}
		else {
			log.add("No active contract: no renewal date");
		}
		var recent = escalations.ofPeriod(context.accountId(), today.minusDays(90), today);
		log.add("Escalations in the last 90 days: " + recent.size()
				+ (recent.isEmpty() ? ""
						: " (" + String.join(", ",
								recent.stream().limit(3).map(e -> e.key() + " " + e.severity()).toList())
								+ (recent.size() > 3 ? ", …" : "") + ")"));
		return new ActionResult(log, data, null, null);
	}

}
