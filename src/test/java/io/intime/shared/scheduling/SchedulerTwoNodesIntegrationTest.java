package io.intime.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.zaxxer.hikari.HikariDataSource;
import io.intime.InTimeApplication;
import io.intime.IntegrationTest;
import io.intime.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database: this test's shared context (node 1) and a
 * second application started on the same PostgreSQL (node 2). Each execution runs on
 * exactly one of them, and an execution whose node stops in the middle of it is taken
 * over by the other.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerTwoNodesIntegrationTest {

	static ConfigurableApplicationContext second;

	@Autowired
	Scheduler first;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startSecondNode(@Autowired DataSource dataSource) throws SQLException {
		HikariDataSource database = dataSource.unwrap(HikariDataSource.class);
		second = new SpringApplicationBuilder(InTimeApplication.class, SchedulerProbes.class)
			.initializers(TestClock::register)
			// arguments, since they must win over application.properties (e.g. the
			// republishing of events)
			.run("--spring.datasource.url=" + database.getJdbcUrl(),
					"--spring.datasource.username=" + database.getUsername(),
					"--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()),
					"--server.port=0", "--intime.demo=false", "--intime.health.live=false",
					// the first node's event publications are its own business
					"--spring.modulith.events.republish-outstanding-events-on-restart=false",
					"--intime.scheduler.polling-interval=500ms", "--intime.scheduler.heartbeat-interval=500ms",
					"--intime.scheduler.missed-heartbeats-limit=4", "--intime.scheduler.shutdown-max-wait=500ms");
	}

	@AfterAll
	static void stopSecondNode() {
		SchedulerProbes.release.countDown();
		if (second != null) {
			second.close();
		}
	}

	@Test
	@Order(1)
	void eachExecutionRunsOnceAcrossBothNodes() throws InterruptedException {
		Scheduler other = second.getBean(Scheduler.class);
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> ids = IntStream.range(0, 40).mapToObj(i -> run + "-" + i).toList();
		// Due in two seconds, not at once: an execution that ran and was deleted before
		// the
		// other node's call would be stored again by it, which is a second piece of work,
		// not a second run of the same one.
		Instant due = TestClock.now().plusSeconds(2);
		// Both nodes schedule the same work (as two nodes reacting to the same fact
		// would): stored once.
		for (String id : ids) {
			first.scheduleIfNotExists(new TaskInstance<>(SchedulerProbes.ONCE, id), due);
			other.scheduleIfNotExists(new TaskInstance<>(SchedulerProbes.ONCE, id), due);
		}

		await(Duration.ofSeconds(30), () -> ids.stream().allMatch(SchedulerProbes.runs::containsKey));
		Thread.sleep(1500); // three polling intervals more: nothing runs a second time

		Map<String, List<String>> runs = ids.stream()
			.collect(java.util.stream.Collectors.toMap(id -> id, SchedulerProbes.runs::get));
		assertThat(runs.values()).allSatisfy(nodes -> assertThat(nodes).hasSize(1));
		assertThat(first.getScheduledExecutionsForTask(SchedulerProbes.ONCE)).isEmpty();
	}

	/**
	 * A stopped (not closed) application takes no work, and takes it again when started:
	 * the test framework stops a cached context while another one is used.
	 */
	@Test
	@Order(2)
	void aStoppedApplicationTakesNoWorkUntilItStartsAgain() throws InterruptedException {
		Scheduler other = second.getBean(Scheduler.class);
		String id = "after-restart-" + UUID.randomUUID().toString().substring(0, 8);
		first.pause(); // only the second node could run it
		try {
			second.stop();
			other.schedule(new TaskInstance<>(SchedulerProbes.ONCE, id), TestClock.now());
			Thread.sleep(2000); // four polling intervals
			assertThat(SchedulerProbes.runs).doesNotContainKey(id);

			second.start();
			await(Duration.ofSeconds(20), () -> SchedulerProbes.runs.containsKey(id));
			assertThat(SchedulerProbes.runs.get(id)).hasSize(1);
		}
		finally {
			first.resume();
		}
	}

	@Test
	@Order(3)
	void anExecutionLeftByAStoppedNodeIsTakenOverByTheOther() throws InterruptedException {
		Scheduler other = second.getBean(Scheduler.class);
		String id = "stalls-" + UUID.randomUUID().toString().substring(0, 8);
		SchedulerProbes.stalled = new CountDownLatch(1);
		SchedulerProbes.release = new CountDownLatch(1);
		SchedulerProbes.stallNext.set(true);
		first.pause(); // the second node picks it
		try {
			other.schedule(new TaskInstance<>(SchedulerProbes.STALLS, id), TestClock.now());
			assertThat(SchedulerProbes.stalled.await(20, TimeUnit.SECONDS)).as("picked by the second node").isTrue();
		}
		finally {
			first.resume();
		}
		String secondNode = jdbc
			.sql("select picked_by from scheduled_tasks where task_name = :name and task_instance = :id")
			.param("name", SchedulerProbes.STALLS)
			.param("id", id)
			.query(String.class)
			.single();

		second.close(); // the node stops in the middle of the execution: it stays picked,
						// its heartbeats end

		await(Duration.ofSeconds(30), () -> SchedulerProbes.runs.containsKey(id));
		assertThat(SchedulerProbes.runs.get(id)).hasSize(1).doesNotContain(secondNode);
		SchedulerProbes.release.countDown();
	}

	private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("within %s", limit).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
