package io.intime.qbr;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a QBR calendar page (for its templates): the same calendar another month,
 * in the other view, for other accounts or with other states shown. The calendar lives at
 * {@code path} with {@code fixed} parameters (the executive portfolio's tab:
 * {@code tab=qbrs}).
 */
public record QbrCalendarLinks(String path, Map<String, String> fixed, QbrCalendar.View cal, String view) {

	public String month(YearMonth month) {
		return url(month, view, cal.scope(), cal.ownerId(), cal.states());
	}

	public String previous() {
		return month(cal.month().minusMonths(1));
	}

	public String next() {
		return month(cal.month().plusMonths(1));
	}

	public String current() {
		return month(YearMonth.from(cal.today()));
	}

	public String view(String other) {
		return url(cal.month(), other, cal.scope(), cal.ownerId(), cal.states());
	}

	public String scope(QbrCalendar.Scope scope) {
		return url(cal.month(), view, scope, null, cal.states());
	}

	/** Shows the state too, or no longer (all again when none would be left). */
	public String toggle(QbrCalendar.State state) {
		Set<QbrCalendar.State> states = EnumSet.copyOf(cal.states());
		if (cal.filtered() && states.contains(state)) {
			states.remove(state);
		}
		else if (cal.filtered()) {
			states.add(state);
		}
		else {
			states = EnumSet.of(state);
		}
		return url(cal.month(), view, cal.scope(), cal.ownerId(), states);
	}

	public String allStates() {
		return url(cal.month(), view, cal.scope(), cal.ownerId(), EnumSet.allOf(QbrCalendar.State.class));
	}

	/** The list view of the month, at the day. */
	public String day(java.time.LocalDate day) {
		return view("list") + "#day-" + day;
	}

	/** The states shown, comma-separated, for a refresh that must keep them. */
	public String statesParam() {
		return cal.filtered() ? String.join(",", cal.states().stream().map(QbrCalendar.State::param).toList()) : "";
	}

	private String url(YearMonth month, String view, QbrCalendar.Scope scope, Long owner,
			Set<QbrCalendar.State> states) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		fixed.forEach(b::queryParam);
		b.queryParam("month", month.toString());
		if ("list".equals(view)) {
			b.queryParam("view", "list");
		}
		if (scope != null && scope != QbrCalendar.Scope.PORTFOLIO && scope != cal.scopes().get(0)) {
			b.queryParam("scope", scope.param());
		}
		if (owner != null) {
			b.queryParam("owner", owner);
		}
		if (states.size() < QbrCalendar.State.values().length) {
			states.forEach(s -> b.queryParam("status", s.param()));
		}
		return b.build().toUriString();
	}

}
