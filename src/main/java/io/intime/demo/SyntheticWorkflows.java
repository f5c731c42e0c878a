package io.intime.demo;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.intime.workflows.BuiltInTemplate;
import io.intime.workflows.RoleDef;
import io.intime.workflows.StartRun;
import io.intime.workflows.StepDef;
import io.intime.workflows.TemplateDefinition;
import io.intime.workflows.WorkflowRuns;
import io.intime.workflows.WorkflowTemplates;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workflow engine's benchmark load (bench/workflows.sh): with
 * {@code intime.synthetic.workflow-runs=N}, an admin-style template "Throughput check"
 * ({@code intime.synthetic.workflow-steps} Automated milestone steps, 5 by default) and
 * runs of it spread over the synthetic accounts until it has N, all started before the
 * scheduler starts, so that N runs advance on the scheduler at once. Logs when they are
 * started and when they are all completed, with the steps per second. The template exists
 * only where this setting made it; nothing happens when it is 0 (the default) or under
 * the prod profile.
 */
@Component
class SyntheticWorkflows {

	private static final Logger log = LoggerFactory.getLogger(SyntheticWorkflows.class);

	static final String TEMPLATE_KEY = "synthetic-throughput";

	/** The versions of the template, as a subquery (its key as the parameter). */
	private static final String OF_TEMPLATE = """
			select v.id from workflow_template_version v join workflow_template t on t.id = v.template_id
			where t.template_key = :key""";

	/** Runs started per transaction: one commit for many runs. */
	private static final int BATCH = 200;

	/** Starting threads: the database's round trips leave the cores time for a second. */
	private static final int STARTERS = 2;

	private final JdbcClient jdbc;

	private final WorkflowTemplates templates;

	private final WorkflowRuns runs;

	private final TransactionTemplate transaction;

	private final Environment environment;

	private volatile Thread watcher;

	SyntheticWorkflows(JdbcClient jdbc, WorkflowTemplates templates, WorkflowRuns runs,
			PlatformTransactionManager transactionManager, Environment environment) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.runs = runs;
		this.transaction = new TransactionTemplate(transactionManager);
		this.environment = environment;
	}

	static BuiltInTemplate template(int steps) {
		List<StepDef> milestones = IntStream.rangeClosed(1, steps)
			.mapToObj(i -> StepDef.automated("milestone-" + i, "Milestone " + i, "workflow.milestone"))
			.toList();
		return new BuiltInTemplate(TEMPLATE_KEY, "Throughput check",
				"Automated milestones one after the other, for measuring how fast runs advance on the scheduler.",
				"intime.synthetic.workflow-runs (benchmarks)", new TemplateDefinition(
						List.of(new RoleDef("am", "Account Manager", false, "ACCOUNT_MANAGER")), milestones));
	}

	/**
	 * After the synthetic portfolio and the first health scoring of its accounts (order
	 * 100), and before the scheduler starts (it starts last): the runs wait for it
	 * together, and what the scheduler does from its start on is advancing them.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(200)
	public void onStart() {
		int wanted = environment.getProperty("intime.synthetic.workflow-runs", Integer.class, 0);
		if (wanted <= 0) {
			return;
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			log.warn("intime.synthetic.workflow-runs is ignored under the prod profile");
			return;
		}
		int steps = environment.getProperty("intime.synthetic.workflow-steps", Integer.class, 5);
		List<Long> accounts = jdbc.sql("select id from account where created_by = 'synthetic' order by id")
			.query(Long.class)
			.list();
		if (accounts.isEmpty()) {
			log.warn("Synthetic workflows: no synthetic account (set intime.synthetic.accounts)");
			return;
		}
		long started = System.nanoTime();
		templates.ensure(template(steps));
		int existing = jdbc.sql("""
				select count(*) from workflow_run r join workflow_template_version v on v.id = r.template_version_id
				join workflow_template t on t.id = v.template_id where t.template_key = ?""")
			.param(TEMPLATE_KEY)
			.query(Integer.class)
			.single();
		int missing = wanted - existing;
		if (missing <= 0) {
			log.info("Synthetic workflows: {} runs of {} already there (wanted {})", existing, TEMPLATE_KEY, wanted);
			return;
		}
		long[] ids = startAll(missing, existing, accounts);
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Synthetic workflows: started {} runs × {} steps in {} ms ({} runs/s) over {} accounts", missing,
				steps, millis, Math.round(missing * 1000.0 / Math.max(1, millis)), accounts.size());
		watch(ids[0], ids[1], steps);
	}

	/**
	 * Starts {@code n} runs in batches on a few threads; returns the lowest and the
	 * highest run id.
	 */
	private long[] startAll(int n, int offset, List<Long> accounts) {
		ExecutorService pool = Executors.newFixedThreadPool(STARTERS);
		try {
			List<Future<long[]>> batches = new ArrayList<>();
			for (int from = 0; from < n; from += BATCH) {
				int first = from;
				int last = Math.min(n, from + BATCH);
				batches.add(pool.submit(() -> transaction.execute(status -> {
					long[] range = { Long.MAX_VALUE, Long.MIN_VALUE };
					for (int i = first; i < last; i++) {
						long account = accounts.get((offset + i) % accounts.size());
						long id = runs.startBySystem(StartRun.of(TEMPLATE_KEY, account)).id();
						range[0] = Math.min(range[0], id);
						range[1] = Math.max(range[1], id);
					}
					return range;
				})));
			}
			long[] range = { Long.MAX_VALUE, Long.MIN_VALUE };
			for (Future<long[]> batch : batches) {
				range[0] = Math.min(range[0], batch.get()[0]);
				range[1] = Math.max(range[1], batch.get()[1]);
			}
			return range;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting synthetic workflow runs", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("Starting synthetic workflow runs failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Waits in the background until none of the runs is active, then logs how fast they
	 * went (from the database's times, so that the figures are the runs' own).
	 */
	private void watch(long firstRun, long lastRun, int steps) {
		Thread thread = new Thread(() -> {
			try {
				while (!Thread.currentThread().isInterrupted()) {
					Thread.sleep(1000);
					long[] left = jdbc.sql("""
							select count(*), count(*) filter (where exists (
							  select 1 from workflow_step s where s.run_id = r.id and s.status = 'FAILED'))
							from workflow_run r where r.status = 'ACTIVE' and r.id between :first and :last
							  and r.template_version_id in (%s)""".formatted(OF_TEMPLATE))
						.param("first", firstRun)
						.param("last", lastRun)
						.param("key", TEMPLATE_KEY)
						.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
						.single();
					if (left[0] == 0 || left[0] == left[1]) {
						report(firstRun, lastRun, steps, left[1]);
						return;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				log.warn("Synthetic workflows: stopped watching the runs: {}", ex.toString());
			}
		}, "synthetic-workflows");
		thread.setDaemon(true);
		watcher = thread;
		thread.start();
	}

	private void report(long firstRun, long lastRun, int steps, long failed) {
		record Times(long runs, long completed, Timestamp firstStart, Timestamp lastStart, Timestamp lastDone,
				long stepsDone) {
		}
		Times t = jdbc
			.sql("""
					select count(*), count(*) filter (where status = 'COMPLETED'), min(started_at), max(started_at),
					       max(completed_at),
					       (select count(*) from workflow_step s join workflow_run r on r.id = s.run_id
					         where r.id between :first and :last and r.template_version_id in (%1$s) and s.status = 'DONE')
					from workflow_run where id between :first and :last and template_version_id in (%1$s)"""
				.formatted(OF_TEMPLATE))
			.param("key", TEMPLATE_KEY)
			.param("first", firstRun)
			.param("last", lastRun)
			.query((rs, n) -> new Times(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3), rs.getTimestamp(4),
					rs.getTimestamp(5), rs.getLong(6)))
			.single();
		if (t.lastDone() == null) {
			log.warn("Synthetic workflows: no run completed; {} runs with a failed step", failed);
			return;
		}
		double advancing = (t.lastDone().getTime() - t.lastStart().getTime()) / 1000.0;
		double overall = (t.lastDone().getTime() - t.firstStart().getTime()) / 1000.0;
		log.info(String.format(java.util.Locale.ROOT,
				"Synthetic workflows: %d runs × %d steps done in %.1f s (%.0f steps/s) after the last was started;"
						+ " %.1f s from the first start (%.0f steps/s); %d completed, %d with a failed step",
				t.runs(), steps, advancing, t.stepsDone() / Math.max(0.001, advancing), overall,
				t.stepsDone() / Math.max(0.001, overall), t.completed(), failed));
	}

	@PreDestroy
	void stopWatching() {
		Thread thread = watcher;
		if (thread != null) {
			thread.interrupt();
		}
	}

}
