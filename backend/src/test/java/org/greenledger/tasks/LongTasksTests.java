package org.greenledger.tasks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.system.ApiProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Long tasks: progress recorded as the work reports it and never going back, the result
 * kept, failures in words, the node's limit answered with 429 in words (also by the API
 * that starts a report), and a task of a node that stopped renewing its lease ended
 * FAILED with a message saying so.
 */
@IntegrationTest
class LongTasksTests {

	@Autowired
	LongTasks tasks;

	@Autowired
	TaskStore store;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void aTaskRecordsItsStepsAndShareAsTheWorkReportsThemThenItsResult() throws Exception {
		CountDownLatch reported = new CountDownLatch(1);
		CountDownLatch proceed = new CountDownLatch(1);
		UUID id = UUID.randomUUID();
		this.tasks.start(id, "TEST", "testing", "tester", null, progress -> {
			progress.report("Counting", "item 1 of 2", 0.25);
			progress.report("Writing", "item 2 of 2", 0.60);
			// a lower share is ignored: progress never goes back
			progress.report("Writing", "again", 0.10);
			reported.countDown();
			await(proceed);
			return "the result";
		});
		assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
		LongTask running = this.tasks.find(id).orElseThrow();
		assertThat(running.running()).isTrue();
		assertThat(running.steps()).containsExactly("Starting", "Counting", "Writing");
		assertThat(running.step()).isEqualTo("Writing");
		assertThat(running.percent()).isEqualTo(60);
		assertThat(running.progress()).isCloseTo(0.60, org.assertj.core.data.Offset.offset(1e-9));
		proceed.countDown();
		LongTask done = this.tasks.awaitEnd(id, Duration.ofSeconds(10));
		assertThat(done.state()).isEqualTo("COMPLETED");
		assertThat(done.percent()).isEqualTo(100);
		assertThat(done.result()).isEqualTo("the result");
		assertThat(done.finishedAt()).isNotNull();
	}

	@Test
	void aFailingTaskEndsFailedWithTheRefusalInTheUsersWordsOrAPlainSentence() {
		UUID refused = UUID.randomUUID();
		this.tasks.start(refused, "TEST", "testing", "tester", null, progress -> {
			throw ApiProblemException.conflict("The period is locked; open a restatement.");
		});
		LongTask failed = this.tasks.awaitEnd(refused, Duration.ofSeconds(10));
		assertThat(failed.state()).isEqualTo("FAILED");
		assertThat(failed.message()).isEqualTo("The period is locked; open a restatement.");

		UUID broken = UUID.randomUUID();
		this.tasks.start(broken, "TEST", "testing", "tester", null, progress -> {
			throw new IllegalStateException("internal detail that users never see");
		});
		LongTask crashed = this.tasks.awaitEnd(broken, Duration.ofSeconds(10));
		assertThat(crashed.state()).isEqualTo("FAILED");
		assertThat(crashed.message()).startsWith("The work failed unexpectedly (IllegalStateException)")
			.doesNotContain("internal detail");
	}

	@Test
	void aFullNodeAnswers429InWordsAlsoToTheReportApi() throws Exception {
		CountDownLatch proceed = new CountDownLatch(1);
		List<UUID> blocking = new ArrayList<>();
		try {
			// the test profile keeps the default: 2 at once
			int free = this.tasks.available();
			assertThat(free).isEqualTo(2);
			for (int i = 0; i < free; i++) {
				UUID id = UUID.randomUUID();
				blocking.add(id);
				this.tasks.start(id, "TEST", "testing", "tester", null, progress -> {
					await(proceed);
					return "";
				});
			}
			assertThatThrownBy(
					() -> this.tasks.start(UUID.randomUUID(), "TEST", "testing", "tester", null, progress -> ""))
				.isInstanceOfSatisfying(ApiProblemException.class,
						ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));

			HttpResponse<String> busy = this.http.post("/api/v1/reports/GHG_INVENTORY/generations", "application/json",
					"""
							{"from": "2026-01-01", "to": "2026-01-31"}""", MeasuredUploads.admin());
			assertThat(busy.statusCode()).as(busy.body()).isEqualTo(429);
			assertThat(busy.headers().firstValue("Retry-After")).contains("30");
			String detail = JsonPath.read(busy.body(), "$.detail");
			assertThat(detail).isEqualTo("This server is already running 2 long tasks (report generations and"
					+ " evaluations), as many as it runs at once. Try generating the report again in a minute, when"
					+ " one of them has finished.");
		}
		finally {
			proceed.countDown();
			blocking.forEach(id -> this.tasks.awaitEnd(id, Duration.ofSeconds(10)));
		}
		assertThat(this.tasks.available()).isEqualTo(2);
	}

	@Test
	void aTaskWhoseNodeStoppedRenewingItsLeaseEndsFailedSayingSo() {
		UUID id = UUID.randomUUID();
		this.store.insert(id, "TEST", "tester", null, "node-that-died", "Rendering the PDF", 60_000);
		this.jdbc.sql("update long_task set lease_until = now() - interval '1 second' where id = ?").param(id).update();
		this.tasks.tend();
		LongTask ended = this.tasks.find(id).orElseThrow();
		assertThat(ended.state()).isEqualTo("FAILED");
		assertThat(ended.message()).isEqualTo("The server that ran this work (node node-that-died) stopped before it"
				+ " finished, so nothing of it was stored. Start it again.");
		// a task whose lease is current is left alone
		UUID alive = UUID.randomUUID();
		this.store.insert(alive, "TEST", "tester", null, "node-alive", "Rendering the PDF", 60_000);
		this.tasks.tend();
		assertThat(this.tasks.find(alive).orElseThrow().state()).isEqualTo("RUNNING");
		this.store.fail(alive, "ended by the test");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
