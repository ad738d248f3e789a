package org.greenledger.ingestion.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;

/** Waits for ingestion jobs in tests. */
public final class Jobs {

	private Jobs() {
	}

	public static String[] admin() {
		return HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	/** The job once it has left QUEUED and RUNNING (at most 30 s). */
	public static DocumentContext await(HttpTestClient http, String id) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			DocumentContext job = JsonPath.parse(http.get("/api/v1/ingestions/" + id, admin()).body());
			if (!List.of("QUEUED", "RUNNING").contains(job.read("$.status", String.class))) {
				return job;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("Job " + id + " did not finish in 30 s");
	}

}
