package io.intime.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.intime.renewals.RenewalOutcome;
import io.intime.renewals.Renewals;
import io.intime.revenue.ArrLedger;
import io.intime.revenue.ArrMovementKind;
import io.intime.shared.Money;
import io.intime.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Benchmark volume for revenue (bench/revenue.sh): the synthetic portfolio's contracts
 * are brought into the ARR ledger, then three years of imported ARR history (expansions
 * and contractions, month by month) until there are
 * {@code intime.synthetic.arr-movements} movements, and
 * {@code intime.synthetic.closed-renewals} closed renewals with their factors for the
 * renewal model to fit on. Nothing happens when both are 0 (the default) or under the
 * prod profile.
 */
@Component
class SyntheticRevenue {

	private static final Logger log = LoggerFactory.getLogger(SyntheticRevenue.class);

	private final ArrLedger ledger;

	private final Renewals renewals;

	private final JdbcClient jdbc;

	private final Environment environment;

	private final Today time;

	SyntheticRevenue(ArrLedger ledger, Renewals renewals, JdbcClient jdbc, Environment environment, Today time) {
		this.ledger = ledger;
		this.renewals = renewals;
		this.jdbc = jdbc;
		this.environment = environment;
		this.time = time;
	}

	/** After the synthetic portfolio and its facts. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(45)
	public void onStart() {
		int movements = environment.getProperty("intime.synthetic.arr-movements", Integer.class, 0);
		int closed = environment.getProperty("intime.synthetic.closed-renewals", Integer.class, 0);
		if (movements <= 0 && closed <= 0 || environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		long started = System.nanoTime();
		ledger.sweep();
		List<long[]> accounts = jdbc
			.sql("select id, greatest(arr_amount, 50000)::bigint from account"
					+ " where created_by = 'synthetic' order by id")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		Map<Long, String> currency = new LinkedHashMap<>();
		jdbc.sql("select id, billing_currency from account where created_by = 'synthetic'").query(rs -> {
			currency.put(rs.getLong(1), rs.getString(2));
		});
		Random random = new Random(4242);
		LocalDate today = time.organizationToday();
		int have = jdbc.sql("select count(*) from arr_movement").query(Integer.class).single();
		List<ArrLedger.ImportedMovement> history = new ArrayList<>();
		for (int i = 0; have + history.size() < movements && !accounts.isEmpty(); i++) {
			long[] a = accounts.get(i % accounts.size());
			LocalDate on = today.minusDays(30 + random.nextInt(1050));
			long step = Math.max(1000, Math.round(a[1] * (0.02 + random.nextDouble() * 0.08) / 1000) * 1000);
			// an expansion and, later, a smaller contraction: the account keeps ARR
			history.add(new ArrLedger.ImportedMovement(a[0], ArrMovementKind.EXPANSION, on, BigDecimal.valueOf(step),
					currency.get(a[0]), "Imported: service lines added", null));
			if (have + history.size() < movements) {
				history.add(new ArrLedger.ImportedMovement(a[0], ArrMovementKind.CONTRACTION, on.plusDays(20),
						BigDecimal.valueOf(-step / 2), currency.get(a[0]), "Imported: service lines reduced", null));
			}
		}
		int imported = ledger.importHistory(history, "synthetic");
		int renewalsMade = 0;
		for (int i = 0; i < closed && !accounts.isEmpty(); i++) {
			long[] a = accounts.get(i % accounts.size());
			double health = Math.max(5, Math.min(98, Math.round(60 + random.nextGaussian() * 20)));
			double severe = random.nextDouble() < (health < 50 ? 0.4 : 0.1) ? 1 : 0;
			double[] factors = { health, Math.round(random.nextGaussian() * 8), random.nextInt(180), severe,
					20 + random.nextInt(40), Math.round(random.nextGaussian() * 10), random.nextInt(3) - 1 };
			double z = 1.2 + 0.8 * (health - 70) / 10 - 0.8 * severe - 0.2 * (factors[4] - 30) / 10;
			boolean renewed = random.nextDouble() < 1 / (1 + Math.exp(-z));
			renewals.importHistory(a[0], today.minusDays(30 + random.nextInt(700)),
					new Money(BigDecimal.valueOf(a[1]), currency.get(a[0])),
					renewed ? RenewalOutcome.RENEWED : RenewalOutcome.CHURNED,
					renewed ? BigDecimal.valueOf(a[1]) : null, Map.of(90, factors), "synthetic");
			renewalsMade++;
		}
		jdbc.sql("analyze arr_movement, renewal, renewal_forecast").update();
		log.info("Synthetic revenue: {} ARR movements in all ({} imported), {} closed renewals in {} ms",
				jdbc.sql("select count(*) from arr_movement").query(Integer.class).single(), imported, renewalsMade,
				(System.nanoTime() - started) / 1_000_000);
	}

}
