package org.greenledger.connectors;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler queues and runs a connector whose schedule is due, and a run whose node
 * stopped renewing its heartbeat (a server that died while it ran) ends FAILED.
 */
@IntegrationTest
class ConnectorSchedulerTests {

	@LocalServerPort
	int port;

	@Autowired
	ConnectorScheduler scheduler;

	@Autowired
	ConnectorRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDueScheduleQueuesARunThatTheSchedulerCarriesOut() throws IOException, InterruptedException {
		S3ProxyServer server = S3ProxyServer.get();
		S3Client s3 = server.client();
		String bucket = "gl-" + UUID.randomUUID().toString().substring(0, 13);
		s3.createBucket(request -> request.bucket(bucket));
		S3ProxyServer.put(s3, bucket, "in/focus_sample_oracle.csv",
				ConnectorSyncTests.corpus("focus-1.0/focus_sample_oracle.csv"));
		var settings = ConnectorClient.s3(server, bucket, "in/");
		settings.put("schedule", "PT1M");
		String id = new ConnectorClient(new HttpTestClient(this.port)).create(settings);
		this.scheduler.tick();
		assertThat(this.runs.runs(UUID.fromString(id), 10)).as("not due yet: a minute after its creation").isEmpty();

		this.jdbc.sql("update connector set created_at = created_at - interval '2 minutes' where id = ?::uuid")
			.param(id)
			.update();
		this.scheduler.tick();

		ConnectorRun run = awaitFinished(UUID.fromString(id));
		assertThat(run.trigger()).isEqualTo("SCHEDULE");
		assertThat(run.requestedBy()).isEqualTo("scheduler");
		assertThat(run.status()).as(run.errors().toString()).isEqualTo("COMPLETED");
		assertThat(run.objectsSeen()).isEqualTo(1);
		this.scheduler.tick();
		assertThat(this.runs.runs(UUID.fromString(id), 10)).as("next due a minute after this run was queued")
			.hasSize(1);
	}

	@Test
	void aRunWhoseServerDiedEndsFailedAndLetsTheNextRunStart() {
		S3ProxyServer server = S3ProxyServer.get();
		String id = new ConnectorClient(new HttpTestClient(this.port))
			.create(ConnectorClient.s3(server, "gl-never-read", ""));
		UUID run = UUID.randomUUID();
		this.jdbc.sql("""
				insert into connector_run (id, connector_id, status, trigger, requested_by, queued_at, started_at,
				                           heartbeat_at)
				values (?, ?::uuid, 'RUNNING', 'MANUAL', 'admin', now() - interval '1 hour', now() - interval '1 hour',
				        now() - interval '1 hour')""").params(run, id).update();

		this.scheduler.tick();

		ConnectorRun failed = this.runs.find(run).orElseThrow();
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.errors()).containsExactly(ConnectorRuns.STALE);
		assertThat(failed.finishedAt()).isNotNull();
		assertThat(this.runs.queue(UUID.fromString(id), "MANUAL", "admin")).as("a new run may start").isPresent();
	}

	private ConnectorRun awaitFinished(UUID connector) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			List<ConnectorRun> all = this.runs.runs(connector, 1);
			if (!all.isEmpty() && !all.get(0).active()) {
				return all.get(0);
			}
			Thread.sleep(200);
		}
		throw new AssertionError("No finished run of " + connector + " within 120 s");
	}

}
