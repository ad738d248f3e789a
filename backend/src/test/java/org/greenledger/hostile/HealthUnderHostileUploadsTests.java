package org.greenledger.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worst files of the corpus sent at once (a CSV of 100,000 columns, a gzip that
 * expands 1,000-fold, a line of five million characters, a field of two million, JSON
 * nested 1,000 deep, an XML text of 100,000 characters): each is refused, and meanwhile
 * the health check answers every time, each time within 5 s.
 */
@IntegrationTest
class HealthUnderHostileUploadsTests {

	@LocalServerPort
	int port;

	@Test
	void theServerAnswersItsHealthCheckWithinFiveSecondsWhileHostileFilesAreRead() throws Exception {
		HttpTestClient http = new HttpTestClient(this.port);
		MeasuredUploads uploads = new MeasuredUploads(http);
		StringBuilder wide = new StringBuilder("ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost");
		for (int i = 0; i < 100_000; i++) {
			wide.append(",c").append(i);
		}
		byte[] columns = HostileFiles.utf8(wide + "\n");
		assertThat(columns.length).isLessThan(1024 * 1024);
		String header = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost\n";
		byte[] bomb = HostileFiles.gzipRepeated(HostileFiles.utf8(header), (byte) '\n', 1000L * 1024 * 1024);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		Map<String, byte[]> files = Map.of("columns.csv", columns, "bomb.csv.gz", bomb, "line.csv.gz",
				HostileFiles.gzipRepeated(HostileFiles.utf8(header), (byte) 'x', 5_000_000L), "field.csv.gz",
				HostileFiles.gzipRepeated(HostileFiles.utf8(header + "\""), (byte) 'y', 2_000_000L), "deep.jsonl",
				HostileFiles.utf8("{\"usage_start_time\":" + "[".repeat(1000) + "]".repeat(1000) + "}\n"));

		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong slowest = new AtomicLong();
		List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
		Thread probe = Thread.ofPlatform().daemon().start(() -> probe(running, slowest, statuses));
		try {
			List<String> ids = new ArrayList<>();
			files.forEach((name, content) -> {
				var response = http.postMultipart("/api/v1/ingestions", name, content, Map.of(),
						MeasuredUploads.admin());
				assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
				ids.add(JsonPath.parse(response.body()).read("$.id", String.class));
			});
			for (String id : ids) {
				DocumentContext job = uploads.await(id);
				assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("REJECTED");
			}
		}
		finally {
			running.set(false);
			probe.join(10_000);
		}
		System.out.println("Health answers while hostile files were read: " + statuses.size() + ", slowest "
				+ slowest.get() + " ms");
		assertThat(statuses).isNotEmpty().containsOnly(200);
		assertThat(slowest.get()).as("slowest health answer, ms").isLessThan(5_000);
	}

	private void probe(AtomicBoolean running, AtomicLong slowest, List<Integer> statuses) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (running.get()) {
			long started = System.nanoTime();
			try {
				statuses.add(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
			}
			catch (Exception ex) {
				statuses.add(-1);
			}
			slowest.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

}
