package org.greenledger.demo;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.greenledger.HttpTestClient;
import org.greenledger.MeasuredUploads;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organisation's state through its API, for tests that load it or may load it
 * (the role matrix calls every endpoint, the demo's load among them): the suite's
 * database is shared, and the demo's figures must not reach the tests that run after.
 */
public final class DemoStates {

	private DemoStates() {
	}

	/** Waits for a load or removal under way, then removes the demo if it is present. */
	public static void removeWhenPresent(HttpTestClient http) throws InterruptedException {
		String state = status(http).read("$.state", String.class);
		if ("LOADING".equals(state) || "REMOVING".equals(state)) {
			awaitAnyOf(http, Duration.ofMinutes(3), "LOADED", "FAILED", "ABSENT");
		}
		if (!"ABSENT".equals(status(http).read("$.state", String.class))) {
			assertThat(remove(http).statusCode()).isEqualTo(202);
			awaitAnyOf(http, Duration.ofMinutes(2), "ABSENT");
		}
	}

	/** Asks for the demo's removal (202 when it starts). */
	static HttpResponse<String> remove(HttpTestClient http) {
		return http.delete("/api/v1/demo", MeasuredUploads.admin());
	}

	static DocumentContext status(HttpTestClient http) {
		return JsonPath.parse(http.get("/api/v1/demo", MeasuredUploads.admin()).body());
	}

	/** Waits for the state, failing when the demo's load or removal failed. */
	static DocumentContext awaitState(HttpTestClient http, String state, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		DocumentContext status = status(http);
		while (!state.equals(status.read("$.state", String.class))) {
			assertThat(status.read("$.state", String.class)).as(status.jsonString()).isNotEqualTo("FAILED");
			assertThat(System.nanoTime()).as("waiting for " + state + ": " + status.jsonString()).isLessThan(deadline);
			Thread.sleep(200);
			status = status(http);
		}
		return status;
	}

	private static void awaitAnyOf(HttpTestClient http, Duration limit, String... states) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!List.of(states).contains(status(http).read("$.state", String.class))) {
			assertThat(System.nanoTime()).as("waiting for " + List.of(states)).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

}
