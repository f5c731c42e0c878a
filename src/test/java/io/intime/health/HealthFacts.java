package io.intime.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes an account's facts straight into the fact modules' tables, for health tests that
 * need facts of a given shape and date (the modules' own facades and their tests are in
 * their modules).
 */
public final class HealthFacts {

	private final JdbcClient jdbc;

	private final long accountId;

	private static int invoiceNumber = 0;

	public HealthFacts(JdbcClient jdbc, long accountId) {
		this.jdbc = jdbc;
		this.accountId = accountId;
	}

	public long job(String title, LocalDate opened, LocalDate filled) {
		return jdbc.sql("""
				insert into job (account_id, title, status, priority, opened_on, filled_on)
				values (:a, :t, :s, 'MEDIUM', :o, :f) returning id""")
			.param("a", accountId)
			.param("t", title)
			.param("s", filled == null ? "OPEN" : "FILLED")
			.param("o", opened)
			.param("f", filled)
			.query(Long.class)
			.single();
	}

	public HealthFacts openJobs(int n, LocalDate opened) {
		for (int i = 0; i < n; i++) {
			job("Engineer " + i, opened, null);
		}
		return this;
	}

	public HealthFacts placement(String title, LocalDate start, LocalDate falloff) {
		long job = job(title, start.minusDays(30), start.minusDays(5));
		jdbc.sql("""
				insert into placement (job_id, account_id, candidate_name, type, start_date, status, falloff_date)
				values (:j, :a, 'Candidate', 'PERMANENT', :s, :st, :f)""")
			.param("j", job)
			.param("a", accountId)
			.param("s", start)
			.param("st", falloff == null ? "ACTIVE" : "FALLOFF")
			.param("f", falloff)
			.update();
		return this;
	}

	public HealthFacts invoice(LocalDate issued, int termsDays, LocalDate paid, BigDecimal amount) {
		jdbc.sql(
				"""
						insert into invoice (account_id, invoice_number, issue_date, due_date, amount, currency, status, paid_on)
						values (:a, :n, :i, :d, :amt, 'USD', :s, :p)""")
			.param("a", accountId)
			.param("n", "INV-T-" + accountId + "-" + (++invoiceNumber))
			.param("i", issued)
			.param("d", issued.plusDays(termsDays))
			.param("amt", amount)
			.param("s", paid == null ? "OPEN" : "PAID")
			.param("p", paid)
			.update();
		return this;
	}

	public HealthFacts nps(int score, LocalDate on, String comment) {
		jdbc.sql("""
				insert into nps_response (account_id, score, comment, responded_on, survey_type)
				values (:a, :s, :c, :d, 'RELATIONSHIP')""")
			.param("a", accountId)
			.param("s", score)
			.param("c", comment)
			.param("d", on)
			.update();
		return this;
	}

	public HealthFacts activity(String type, String direction, LocalDate on, boolean executive, Long... contactIds) {
		jdbc.sql(
				"""
						insert into activity (account_id, type, direction, subject, occurred_at, contact_ids, executive_touchpoint)
						values (:a, :t, :d, :s, :at, :c, :e)""")
			.param("a", accountId)
			.param("t", type)
			.param("d", direction)
			.param("s", type + " on " + on)
			.param("at", on.atTime(15, 0).atOffset(ZoneOffset.UTC))
			.param("c", new org.springframework.jdbc.support.SqlArrayValue("bigint", (Object[]) contactIds))
			.param("e", executive)
			.update();
		return this;
	}

	public HealthFacts escalation(String key, String title, LocalDate raised, LocalDate resolved) {
		jdbc.sql("""
				insert into escalation (escalation_key, account_id, title, severity, status, raised_at, resolved_at)
				values (:k, :a, :t, 'P2', :s, :r, :x)""")
			.param("k", key)
			.param("a", accountId)
			.param("t", title)
			.param("s", resolved == null ? "OPEN" : "RESOLVED")
			.param("r", raised.atTime(9, 0).atOffset(ZoneOffset.UTC))
			.param("x", resolved == null ? null : resolved.atTime(17, 0).atOffset(ZoneOffset.UTC))
			.update();
		return this;
	}

	public HealthFacts opportunity(String title, long amount, LocalDate identified) {
		jdbc.sql("""
				insert into opportunity (account_id, title, stage, amount, currency, identified_on)
				values (:a, :t, 'QUALIFIED', :m, 'USD', :d)""")
			.param("a", accountId)
			.param("t", title)
			.param("m", BigDecimal.valueOf(amount))
			.param("d", identified)
			.update();
		return this;
	}

}
