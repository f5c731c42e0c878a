package io.intime.health.scoring;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.intime.accounts.HealthBand;
import io.intime.shared.database.AccountScope;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Writes scores: each account's current score (with its components as shown) and a history row,
 * both set-based (one statement each, however many accounts). The recompute hands over only the
 * computations that differ from the account's current score (another day, model version, points,
 * inputs or explanation, by fingerprint): one that finds nothing new leaves no trace, so the
 * history is the score's story rather than a log of runs. A score as of an earlier day than the
 * current one (a backfill) goes to the history only.
 */
@Component
public class HealthStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HealthStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What is stored of an account's current score: its band and fingerprint. */
    public record Current(HealthBand band, long fingerprint) {
    }

    /** The current band and fingerprint of each account in scope that has a score. */
    public Map<Long, Current> current(AccountScope scope) {
        Map<Long, Current> current = new HashMap<>();
        scope.bind(jdbc.sql("select account_id, band, fingerprint from account_health where true " + scope.clause("account_id")))
                .query((rs, i) -> Map.entry(rs.getLong(1), new Current(HealthBand.valueOf(rs.getString(2)), rs.getLong(3))))
                .list()
                .forEach(e -> current.put(e.getKey(), e.getValue()));
        return current;
    }

    /**
     * Stores the scores (all of one model version and day); the caller leaves out those whose
     * fingerprint equals the stored one (see {@link #current(AccountScope)}).
     */
    public void save(List<Score> scores, Instant computedAt, boolean current) {
        if (scores.isEmpty()) {
            return;
        }
        int n = scores.size();
        Long[] ids = new Long[n];
        Date[] days = new Date[n];
        Integer[] versions = new Integer[n];
        Integer[] totals = new Integer[n];
        String[] bands = new String[n];
        String[] points = new String[n];
        String[] components = current ? new String[n] : null;
        Long[] fingerprints = current ? new Long[n] : null;
        for (int i = 0; i < n; i++) {
            Score s = scores.get(i);
            ids[i] = s.accountId();
            days[i] = Date.valueOf(s.asOf());
            versions[i] = s.modelVersion();
            totals[i] = s.total();
            bands[i] = s.band().name();
            // int[][] would flatten in unnest(); each row's points travel as an array literal.
            points[i] = Arrays.stream(s.points()).map(p -> p == null ? "NULL" : p.toString())
                    .collect(Collectors.joining(",", "{", "}"));
            if (current) {
                components[i] = json.writeValueAsString(s.components());
                fingerprints[i] = s.fingerprint();
            }
        }
        Timestamp at = Timestamp.from(computedAt);
        jdbc.sql("""
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
        jdbc.sql("""
                insert into account_health (account_id, as_of, computed_at, model_version, score, band, points, components, fingerprint)
                select id, day, :at, version, total, band, cast(points as int[]), cast(components as jsonb), fingerprint
                from unnest(:ids, :days, :versions, :totals, :bands, :points, :components, :fingerprints)
                       as s(id, day, version, total, band, points, components, fingerprint)
                on conflict (account_id) do update set
                  as_of = excluded.as_of, computed_at = excluded.computed_at, model_version = excluded.model_version,
                  score = excluded.score, band = excluded.band, points = excluded.points, components = excluded.components,
                  fingerprint = excluded.fingerprint
                where account_health.as_of <= excluded.as_of
                """)
                .param("at", at)
                .param("ids", new SqlArrayValue("bigint", (Object[]) ids))
                .param("days", new SqlArrayValue("date", (Object[]) days))
                .param("versions", new SqlArrayValue("int", (Object[]) versions))
                .param("totals", new SqlArrayValue("int", (Object[]) totals))
                .param("bands", new SqlArrayValue("varchar", (Object[]) bands))
                .param("points", new SqlArrayValue("text", (Object[]) points))
                .param("components", new SqlArrayValue("text", (Object[]) components))
                .param("fingerprints", new SqlArrayValue("bigint", (Object[]) fingerprints))
                .update();
    }

    /** A stored current score, or null. */
    public StoredScore current(long accountId) {
        return jdbc.sql("""
                select account_id, as_of, computed_at, model_version, score, band, components
                from account_health where account_id = :id""")
                .param("id", accountId)
                .query((rs, i) -> new StoredScore(rs.getLong("account_id"), rs.getDate("as_of").toLocalDate(),
                        rs.getTimestamp("computed_at").toInstant(), rs.getInt("model_version"), rs.getInt("score"),
                        HealthBand.valueOf(rs.getString("band")),
                        List.of(json.readValue(rs.getString("components"), ComponentScore[].class))))
                .optional()
                .orElse(null);
    }

    /** A current score as stored. */
    public record StoredScore(long accountId, LocalDate asOf, Instant computedAt, int modelVersion, int total,
            HealthBand band, List<ComponentScore> components) {

        public Score score() {
            int measured = components.stream().filter(c -> !c.missing()).mapToInt(ComponentScore::maximum).sum();
            return new Score(accountId, asOf, modelVersion, total, band, measured, components);
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
