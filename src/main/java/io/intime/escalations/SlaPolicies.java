package io.intime.escalations;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.tasks.WorkCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's SLA policy in versions (the default is spec 03 Appendix B). Admins
 * change it; a change is a new version in force from then on, so escalations raised
 * before keep the policy they were raised under. Versions never change, so they are read
 * once; the holidays are the organization's calendar that tasks keep.
 */
@Service
@Transactional
public class SlaPolicies {

	private final JdbcClient jdbc;

	private final WorkCalendar calendar;

	private final Today time;

	private final AuditTrail audit;

	private volatile List<SlaPolicy> versions;

	SlaPolicies(JdbcClient jdbc, WorkCalendar calendar, Today time, AuditTrail audit) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.time = time;
		this.audit = audit;
	}

	/** Every version, oldest first. */
	@Transactional(readOnly = true)
	public List<SlaPolicy> versions() {
		List<SlaPolicy> known = versions;
		long newest = jdbc.sql("select coalesce(max(id), 0) from sla_policy").query(Long.class).single();
		if (known != null && !known.isEmpty() && known.get(known.size() - 1).id() == newest) {
			return known;
		}
		Map<Long, Map<Severity, SlaPolicy.Target>> targets = new java.util.HashMap<>();
		jdbc.sql("select policy_id, severity, response_minutes, resolution_minutes, business_hours from sla_target")
			.query(rs -> {
				targets.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Severity.class))
					.put(Severity.valueOf(rs.getString(2)), new SlaPolicy.Target(Duration.ofMinutes(rs.getInt(3)),
							Duration.ofMinutes(rs.getInt(4)), rs.getBoolean(5)));
			});
		List<SlaPolicy> loaded = jdbc.sql("""
				select id, effective_from, time_zone, day_start, day_end, working_days, warn_percent, note, created_by
				  from sla_policy order by effective_from, id""").query((rs, n) -> {
			Set<DayOfWeek> days = new HashSet<>();
			for (Integer d : (Integer[]) rs.getArray("working_days").getArray()) {
				days.add(DayOfWeek.of(d));
			}
			return new SlaPolicy(rs.getLong("id"), rs.getTimestamp("effective_from").toInstant(),
					ZoneId.of(rs.getString("time_zone")), rs.getTime("day_start").toLocalTime(),
					rs.getTime("day_end").toLocalTime(), days, rs.getInt("warn_percent"),
					targets.getOrDefault(rs.getLong("id"), Map.of()), rs.getString("note"), rs.getString("created_by"));
		}).list();
		versions = List.copyOf(loaded);
		return versions;
	}

	/** The version in force now. */
	@Transactional(readOnly = true)
	public SlaPolicy current() {
		return inForce(time.now());
	}

	/** The version in force at the instant (the first one for anything earlier). */
	@Transactional(readOnly = true)
	public SlaPolicy inForce(Instant at) {
		List<SlaPolicy> all = versions();
		SlaPolicy found = all.get(0);
		for (SlaPolicy p : all) {
			if (!p.effectiveFrom().isAfter(at)) {
				found = p;
			}
		}
		return found;
	}

	SlaPolicy byId(long id) {
		return versions().stream().filter(p -> p.id() == id).findFirst().orElseGet(this::current);
	}

	/** The organization's holidays (business hours skip them). */
	@Transactional(readOnly = true)
	public Set<LocalDate> holidays() {
		Set<LocalDate> days = new HashSet<>();
		calendar.holidays().forEach(h -> days.add(h.day()));
		return days;
	}

	/**
	 * Puts a new version in force from now; admins only.
	 * @param expectedId the version the admin edited: a newer one is a conflict
	 * @throws InvalidInputException naming each wrong field
	 * @throws StaleVersionException when someone saved a version since
	 */
	public SlaPolicy change(SlaPolicyForm form, long expectedId, CurrentUser user) {
		if (!user.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators change the SLA policy");
		}
		List<FieldError> errors = form.errors();
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		SlaPolicy before = current();
		if (before.id() != expectedId) {
			throw new StaleVersionException("The SLA policy", 0, expectedId, before.id());
		}
		Instant now = time.now();
		Instant effective = now.isAfter(before.effectiveFrom()) ? now : before.effectiveFrom().plusSeconds(1);
		long id = jdbc
			.sql("""
					insert into sla_policy (effective_from, time_zone, day_start, day_end, working_days, warn_percent, note, created_by)
					values (:from, :zone, :start, :end, :days, :warn, :note, :by) returning id""")
			.param("from", Timestamp.from(effective))
			.param("zone", form.zone())
			.param("start", java.sql.Time.valueOf(form.dayStart()))
			.param("end", java.sql.Time.valueOf(form.dayEnd()))
			.param("days",
					new org.springframework.jdbc.support.SqlArrayValue("int",
							form.workingDays().stream().map(DayOfWeek::getValue).sorted().toArray()))
			.param("warn", form.warnPercent())
			.param("note", form.note() == null || form.note().isBlank() ? null : form.note().strip())
			.param("by", user.username())
			.query(Long.class)
			.single();
		List<FieldChange> changes = new ArrayList<>();
		for (Severity s : Severity.values()) {
			SlaPolicyForm.Row row = form.rows().get(s);
			jdbc.sql("""
					insert into sla_target (policy_id, severity, response_minutes, resolution_minutes, business_hours)
					values (:p, :s, :response, :resolution, :business)""")
				.param("p", id)
				.param("s", s.name())
				.param("response", row.responseMinutes())
				.param("resolution", row.resolutionMinutes())
				.param("business", row.businessHours())
				.update();
			changes.add(new FieldChange(s.name(), before.target(s).text(),
					new SlaPolicy.Target(Duration.ofMinutes(row.responseMinutes()),
							Duration.ofMinutes(row.resolutionMinutes()), row.businessHours())
						.text()));
		}
		changes.add(new FieldChange("hours", before.hoursText(),
				form.dayStart() + "–" + form.dayEnd() + " " + form.zone()));
		changes.add(new FieldChange("warnPercent", before.warnPercent() + " %", form.warnPercent() + " %"));
		audit.recordChanges("sla_policy", id, changes, user);
		return byId(id);
	}

	/** A fresh form holding the version in force, for the admin page. */
	@Transactional(readOnly = true)
	public SlaPolicyForm form() {
		SlaPolicy p = current();
		Map<Severity, SlaPolicyForm.Row> rows = new EnumMap<>(Severity.class);
		for (Severity s : Severity.values()) {
			SlaPolicy.Target t = p.target(s);
			rows.put(s, new SlaPolicyForm.Row((int) t.response().toMinutes(), (int) t.resolution().toMinutes(),
					t.businessHours()));
		}
		return new SlaPolicyForm(rows, p.zone().getId(), p.dayStart(), p.dayEnd(), p.workingDays(), p.warnPercent(),
				null);
	}

}
