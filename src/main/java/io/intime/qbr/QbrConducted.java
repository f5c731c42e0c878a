package io.intime.qbr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * A QBR was held and finalized (spec 01: {@code qbr.conducted {account_id, attendees[],
 * metrics_presented, outcomes}}): who attended on both sides, the metrics it presented,
 * and what it agreed (decisions and action items with their owners). A fact of the
 * account: executive engagement reads it.
 *
 * @param nextQbrId the QBR scheduled to follow it, or null when none could be
 */
public record QbrConducted(Long accountId, long qbrId, QbrQuarter quarter, List<Attendee> attendees,
		List<PresentedMetric> metricsPresented, List<Outcome> outcomes, Long nextQbrId, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	public QbrConducted {
		attendees = List.copyOf(attendees);
		metricsPresented = List.copyOf(metricsPresented);
		outcomes = List.copyOf(outcomes);
	}

	/**
	 * Someone at the meeting.
	 *
	 * @param side INTERNAL (the firm's user {@code userId}) or CLIENT (the contact
	 * {@code contactId})
	 */
	public record Attendee(String name, String side, Long userId, Long contactId) {
	}

	/** A metric as it was presented; {@code value} null when it had no data. */
	public record PresentedMetric(String key, String label, String value, String target, String status) {
	}

	/**
	 * A decision or an action item.
	 *
	 * @param kind DECISION or ACTION
	 * @param ownerSide INTERNAL or CLIENT for an action item, else null
	 * @param taskId the task made for an internal owner, or null
	 */
	public record Outcome(String kind, String text, String owner, String ownerSide, LocalDate dueDate, Long taskId) {
	}

	@Override
	public String logName() {
		return "qbr.conducted";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		List<Map<String, Object>> people = new ArrayList<>();
		for (Attendee a : attendees) {
			Map<String, Object> person = new LinkedHashMap<>();
			person.put("name", a.name());
			person.put("side", a.side());
			person.put(a.userId() != null ? "user_id" : "contact_id", a.userId() != null ? a.userId() : a.contactId());
			people.add(person);
		}
		payload.put("attendees", people);
		List<Map<String, Object>> metrics = new ArrayList<>();
		for (PresentedMetric m : metricsPresented) {
			Map<String, Object> metric = new LinkedHashMap<>();
			metric.put("key", m.key());
			metric.put("label", m.label());
			metric.put("value", m.value());
			metric.put("target", m.target());
			metric.put("status", m.status());
			metrics.add(metric);
		}
		payload.put("metrics_presented", metrics);
		List<Map<String, Object>> decisions = new ArrayList<>();
		List<Map<String, Object>> actions = new ArrayList<>();
		for (Outcome o : outcomes) {
			Map<String, Object> outcome = new LinkedHashMap<>();
			outcome.put("text", o.text());
			if ("ACTION".equals(o.kind())) {
				outcome.put("owner", o.owner());
				outcome.put("owner_side", o.ownerSide());
				outcome.put("due_date", o.dueDate() == null ? null : o.dueDate().toString());
				outcome.put("task_id", o.taskId());
				actions.add(outcome);
			}
			else {
				decisions.add(outcome);
			}
		}
		Map<String, Object> agreed = new LinkedHashMap<>();
		agreed.put("decisions", decisions);
		agreed.put("action_items", actions);
		payload.put("outcomes", agreed);
		payload.put("qbr_id", qbrId);
		payload.put("quarter", quarter.code());
		payload.put("next_qbr_id", nextQbrId);
		payload.put("by", actor.name());
		return payload;
	}

}
