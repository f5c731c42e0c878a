package io.intime.health.scoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.intime.accounts.AccountPurged;
import io.intime.accounts.HealthBand;
import io.intime.health.model.HealthModel;
import io.intime.shared.database.AccountScope;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Writes scores: each account's current score (total, band, points per component), its
 * details (inputs, bands reached and sentences per component, as arrays in the model's
 * order, written only when they differ from the stored ones) and a history row, each
 * set-based (one statement, however many accounts). The recompute hands over only the
 * computations that differ from the account's current score (model version, points,
 * inputs, bands or sentences, by fingerprint): one that finds nothing new leaves no
 * trace, so the history is the score's story rather than a log of runs, and a night that
 * changes nothing for an account writes nothing for it. A score as of an earlier day than
 * the current one (a backfill) goes to the history only.
 */
@Component
public class HealthStore {

	private final JdbcClient jdbc;

	HealthStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The history keeps no foreign key to the account (it is written in bulk); a purged
	 * account's history goes with it, in the purge's transaction.
	 */
	@EventListener
	void on(AccountPurged event) {
		jdbc.sql("delete from account_health_history where account_id = :id").param("id", event.accountId()).update();
	}

	/**
	 * What is stored of an account's current score: its total, band and fingerprints.
	 *
	 * @param detailFingerprint of the stored details, null when there are none
	 */
	public record Current(int total, HealthBand band, long fingerprint, Long detailFingerprint) {
	}

	/**
	 * The current total, band and fingerprints of each account in scope that has a score.
	 */
	public Map<Long, Current> current(AccountScope scope) {
		Map<Long, Current> current = new HashMap<>();
		scope.bind(jdbc.sql("""
				select h.account_id, h.score, h.band, h.fingerprint, d.fingerprint
				from account_health h left join account_health_detail d on d.account_id = h.account_id
				where true""" + scope.clause("h.account_id")))
			.query((rs, i) -> Map.entry(rs.getLong(1),
					new Current(rs.getInt(2), HealthBand.valueOf(rs.getString(3)), rs.getLong(4),
							(Long) rs.getObject(5))))
			.list()
			.forEach(e -> current.put(e.getKey(), e.getValue()));
		return current;
	}

	/**
	 * Stores the scores (all of one model version and day); the caller leaves out those
	 * whose fingerprint equals the stored one (see {@link #current(AccountScope)}).
	 * @param current whether these are current scores (else a backfill: history only)
	 * @param detailed which of the accounts need their details written (their detail
	 * fingerprint differs from the stored one); ignored for a backfill
	 */
	public void save(List<Score> scores, Instant computedAt, boolean current, Predicate<Score> detailed) {
		if (scores.isEmpty()) {
			return;
		}
		int n = scores.size();
		Long[] ids = new Long[n];
		Date[] days = new Date[n];
		Integer[] versions = new Integer[n];
		Integer[] totals = new Integer[n];
		String[] bands = new String[n];
		// A row's arrays travel as array literals: an array of arrays would flatten in
		// unnest().
		String[] points = new String[n];
		Long[] fingerprints = current ? new Long[n] : null;
		for (int i = 0; i < n; i++) {
			Score s = scores.get(i);
			ids[i] = s.accountId();
			days[i] = Date.valueOf(s.asOf());
			versions[i] = s.modelVersion();
			totals[i] = s.total();
			bands[i] = s.band().name();
			points[i] = literal(s.components(), ComponentScore::points);
			if (current) {
				fingerprints[i] = s.fingerprint();
			}
		}
		Timestamp at = Timestamp.from(computedAt);
		jdbc.sql(
				"""
						insert into account_health_history (account_id, as_of, computed_at, model_version, score, band, points)
						select id, day, :at, version, total, band, cast(points as int[])
						from unnest(:ids, :days, :versions, :totals, :bands, :points) as s(id, day, version, total, band, points)
						""")
			.param("at", at)
			.param("ids", new SqlArrayValue("bigint", (Object[]) ids))
			.param("days", new SqlArrayValue("date", (Object[]) days))
			.param("versions", new SqlArrayValue("int", (Object[]) versions))
			.param("totals", new SqlArrayValue("int", (Object[]) totals))
			.param("bands", new SqlArrayValue("varchar", (Object[]) bands))
			.param("points", new SqlArrayValue("text", (Object[]) points))
			.update();
		if (!current) {
			return;
		}
		jdbc.sql(
				"""
						insert into account_health (account_id, as_of, computed_at, checked_at, model_version, score, band, points, fingerprint)
						select id, day, :at, :at, version, total, band, cast(points as int[]), fingerprint
						from unnest(:ids, :days, :versions, :totals, :bands, :points, :fingerprints)
						       as s(id, day, version, total, band, points, fingerprint)
						on conflict (account_id) do update set
						  as_of = excluded.as_of, computed_at = excluded.computed_at, checked_at = excluded.checked_at,
						  model_version = excluded.model_version,
						  score = excluded.score, band = excluded.band, points = excluded.points, fingerprint = excluded.fingerprint
						where account_health.as_of <= excluded.as_of
						""")
			.param("at", at)
			.param("ids", new SqlArrayValue("bigint", (Object[]) ids))
			.param("days", new SqlArrayValue("date", (Object[]) days))
			.param("versions", new SqlArrayValue("int", (Object[]) versions))
			.param("totals", new SqlArrayValue("int", (Object[]) totals))
			.param("bands", new SqlArrayValue("varchar", (Object[]) bands))
			.param("points", new SqlArrayValue("text", (Object[]) points))
			.param("fingerprints", new SqlArrayValue("bigint", (Object[]) fingerprints))
			.update();
		saveDetails(scores.stream().filter(detailed).toList());
	}

	private void saveDetails(List<Score> scores) {
		if (scores.isEmpty()) {
			return;
		}
		int n = scores.size();
		Long[] ids = new Long[n];
		Date[] days = new Date[n];
		String[] xs = new String[n];
		String[] ys = new String[n];
		String[] reached = new String[n];
		String[] sentences = new String[n];
		Long[] fingerprints = new Long[n];
		for (int i = 0; i < n; i++) {
			Score s = scores.get(i);
			ids[i] = s.accountId();
			days[i] = Date.valueOf(s.asOf());
			xs[i] = literal(s.components(), ComponentScore::x);
			ys[i] = literal(s.components(), ComponentScore::y);
			reached[i] = literal(s.components(), c -> c.missing() ? null : c.band());
			sentences[i] = textLiteral(s.components());
			fingerprints[i] = s.detailFingerprint();
		}
		// Only beside a current score of the same day or earlier (the guard of the score
		// itself).
		jdbc.sql("""
				insert into account_health_detail (account_id, inputs_x, inputs_y, bands, explanations, fingerprint)
				select s.id, cast(s.xs as numeric[]), cast(s.ys as numeric[]), cast(s.reached as smallint[]),
				       cast(s.sentences as text[]), s.fingerprint
				from unnest(:ids, :days, :xs, :ys, :reached, :sentences, :fingerprints)
				       as s(id, day, xs, ys, reached, sentences, fingerprint)
				join account_health h on h.account_id = s.id and h.as_of = s.day
				on conflict (account_id) do update set
				  inputs_x = excluded.inputs_x, inputs_y = excluded.inputs_y, bands = excluded.bands,
				  explanations = excluded.explanations, fingerprint = excluded.fingerprint
				""")
			.param("ids", new SqlArrayValue("bigint", (Object[]) ids))
			.param("days", new SqlArrayValue("date", (Object[]) days))
			.param("xs", new SqlArrayValue("text", (Object[]) xs))
			.param("ys", new SqlArrayValue("text", (Object[]) ys))
			.param("reached", new SqlArrayValue("text", (Object[]) reached))
			.param("sentences", new SqlArrayValue("text", (Object[]) sentences))
			.param("fingerprints", new SqlArrayValue("bigint", (Object[]) fingerprints))
			.update();
	}

	/**
	 * Confirms scores found unchanged: their day moves to {@code day} and they count as
	 * checked at {@code checkedAt} (a recompute of a few accounts; a full run confirms
	 * all of them at once by its {@code health_run} row instead).
	 */
	public void confirm(List<Long> accountIds, LocalDate day, Instant checkedAt) {
		if (accountIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update account_health set as_of = greatest(as_of, :day), checked_at = greatest(checked_at, :at)
				where account_id = any(:ids)""")
			.param("day", day)
			.param("at", Timestamp.from(checkedAt))
			.param("ids", new SqlArrayValue("bigint", accountIds.toArray()))
			.update();
	}

	/**
	 * Whether an account's score is current: the score as stored, when it was last
	 * checked against the facts (by a recompute of the account or a full run) and when
	 * its facts last changed.
	 *
	 * @param score null when the account has no score yet (then also {@code computedAt},
	 * {@code checkedAt} and {@code fingerprint})
	 * @param factsChangedAt null when no change was noted since recording began
	 */
	public record Freshness(Integer score, HealthBand band, Instant computedAt, Instant checkedAt, Long fingerprint,
			Instant factsChangedAt) {

		/**
		 * Whether a change of the facts has not been scored yet: no recompute read the
		 * facts since (an archived account is never recomputed; the caller says so).
		 */
		public boolean pending() {
			return factsChangedAt != null && (checkedAt == null || !checkedAt.isAfter(factsChangedAt));
		}
	}

	/** The freshness of an account's score (one statement). */
	public Freshness freshness(long accountId) {
		return jdbc
			.sql("""
					select h.score, h.band, h.computed_at,
					       greatest(h.computed_at, h.checked_at, (select max(r.started_at) from health_run r)) as checked_at,
					       h.fingerprint, c.changed_at
					from (select cast(:id as bigint) as account_id) k
					left join account_health h on h.account_id = k.account_id
					left join health_fact_change c on c.account_id = k.account_id""")
			.param("id", accountId)
			.query((rs, i) -> new Freshness((Integer) rs.getObject("score", Integer.class),
					rs.getString("band") == null ? null : HealthBand.valueOf(rs.getString("band")),
					instant(rs.getTimestamp("computed_at")), instant(rs.getTimestamp("checked_at")),
					(Long) rs.getObject("fingerprint", Long.class), instant(rs.getTimestamp("changed_at"))))
			.single();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** Records a full run: every score is current as of its day from now on. */
	public void recordRun(LocalDate asOf, int modelVersion, Instant startedAt, int accounts, int changed, long millis) {
		jdbc.sql("""
				insert into health_run (as_of, model_version, started_at, finished_at, accounts, changed, millis)
				values (:asOf, :version, :started, now(), :accounts, :changed, :millis)""")
			.param("asOf", asOf)
			.param("version", modelVersion)
			.param("started", Timestamp.from(startedAt))
			.param("accounts", accounts)
			.param("changed", changed)
			.param("millis", millis)
			.update();
	}

	private static <T> String literal(List<ComponentScore> components, Function<ComponentScore, T> value) {
		StringBuilder out = new StringBuilder(32).append('{');
		for (int i = 0; i < components.size(); i++) {
			T v = value.apply(components.get(i));
			out.append(i == 0 ? "" : ",")
				.append(v == null ? "NULL" : v instanceof BigDecimal d ? d.toPlainString() : v);
		}
		return out.append('}').toString();
	}

	/**
	 * The sentences as a text[] literal: each quoted, with quotes and backslashes
	 * escaped.
	 */
	private static String textLiteral(List<ComponentScore> components) {
		StringBuilder out = new StringBuilder(512).append('{');
		for (int i = 0; i < components.size(); i++) {
			String sentence = components.get(i).sentence();
			out.append(i == 0 ? "\"" : ",\"");
			for (int j = 0; j < sentence.length(); j++) {
				char ch = sentence.charAt(j);
				if (ch == '"' || ch == '\\') {
					out.append('\\');
				}
				out.append(ch);
			}
			out.append('"');
		}
		return out.append('}').toString();
	}

	/**
	 * The stored current score of an account, or null. Its day is the later of the day it
	 * last changed and the day of the last full run, which found it unchanged.
	 */
	public StoredScore current(long accountId) {
		return jdbc
			.sql("""
					select h.account_id, greatest(h.as_of, (select max(r.as_of) from health_run r)) as as_of, h.computed_at,
					       greatest(h.computed_at, h.checked_at, (select max(r.started_at) from health_run r)) as checked_at,
					       h.model_version, h.score, h.band, h.points, d.inputs_x, d.inputs_y, d.bands, d.explanations
					from account_health h join account_health_detail d on d.account_id = h.account_id
					where h.account_id = :id""")
			.param("id", accountId)
			.query((rs, i) -> new StoredScore(rs.getLong("account_id"), rs.getDate("as_of").toLocalDate(),
					rs.getTimestamp("computed_at").toInstant(), rs.getTimestamp("checked_at").toInstant(),
					rs.getInt("model_version"), rs.getInt("score"), HealthBand.valueOf(rs.getString("band")),
					(Integer[]) rs.getArray("points").getArray(), (BigDecimal[]) rs.getArray("inputs_x").getArray(),
					(BigDecimal[]) rs.getArray("inputs_y").getArray(), (Short[]) rs.getArray("bands").getArray(),
					(String[]) rs.getArray("explanations").getArray()))
			.optional()
			.orElse(null);
	}

	/**
	 * A current score as stored: its components are read with the model version it cites.
	 * {@code computedAt}: when it last changed; {@code checkedAt}: when a recompute last
	 * found it (changed or not).
	 */
	public record StoredScore(long accountId, LocalDate asOf, Instant computedAt, Instant checkedAt, int modelVersion,
			int total, HealthBand band, Integer[] points, BigDecimal[] x, BigDecimal[] y, Short[] bands,
			String[] sentences) {

		/**
		 * The score with its components, read with {@code model} (the version it was
		 * computed with).
		 */
		public Score score(HealthModel model) {
			if (model.version() != modelVersion) {
				throw new IllegalArgumentException(
						"score of model version " + modelVersion + ", not " + model.version());
			}
			List<ComponentScore> components = new ArrayList<>(points.length);
			for (int i = 0; i < points.length; i++) {
				components.add(ComponentScore.stored(model.components().get(i), points[i], x[i], y[i],
						bands[i] == null ? ComponentScore.NO_BAND : bands[i], sentences[i]));
			}
			int measured = components.stream().filter(c -> !c.missing()).mapToInt(ComponentScore::maximum).sum();
			return new Score(accountId, asOf, modelVersion, total, band, measured, List.copyOf(components));
		}
	}

	/** One computation of the history. */
	public record HistoryPoint(LocalDate asOf, Instant computedAt, int modelVersion, int score, HealthBand band) {
	}

	/** The history of one account between two days (inclusive), oldest first. */
	public List<HistoryPoint> history(long accountId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select as_of, computed_at, model_version, score, band from account_health_history
				where account_id = :id and as_of between :from and :to
				order by as_of, computed_at""")
			.param("id", accountId)
			.param("from", from)
			.param("to", to)
			.query((rs, i) -> new HistoryPoint(rs.getDate("as_of").toLocalDate(),
					rs.getTimestamp("computed_at").toInstant(), rs.getInt("model_version"), rs.getInt("score"),
					HealthBand.valueOf(rs.getString("band"))))
			.list();
	}

}
