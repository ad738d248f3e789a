package org.greenledger.connectors;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import org.greenledger.HttpTestClient;
import org.greenledger.MeasuredUploads;

/** Connectors through their API as admin, in tests. */
public final class ConnectorClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpTestClient http;

	public ConnectorClient(HttpTestClient http) {
		this.http = http;
	}

	/** The settings of an S3 connector on the test server. */
	static Map<String, Object> s3(S3ProxyServer server, String bucket, String prefix) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "test-" + UUID.randomUUID());
		body.put("type", "S3");
		body.put("schedule", "PT24H");
		body.put("endpoint", server.endpoint());
		body.put("region", "us-east-1");
		body.put("bucket", bucket);
		body.put("prefix", prefix);
		body.put("pathStyle", true);
		body.put("accessKeyId", S3ProxyServer.ACCESS_KEY);
		body.put("secretAccessKey", S3ProxyServer.SECRET_KEY);
		return body;
	}

	public HttpResponse<String> post(String path, Map<String, Object> body) {
		return this.http.post(path, "application/json", JSON.writeValueAsString(body), MeasuredUploads.admin());
	}

	/** Creates a connector and answers its id. */
	public String create(Map<String, Object> body) {
		HttpResponse<String> response = post("/api/v1/connectors", body);
		if (response.statusCode() != 201) {
			throw new AssertionError("Create answered " + response.statusCode() + ": " + response.body());
		}
		return JsonPath.parse(response.body()).read("$.id", String.class);
	}

	public HttpResponse<String> get(String path) {
		return this.http.get(path, MeasuredUploads.admin());
	}

	/**
	 * Runs the connector now and answers the run once it has finished (at most 120 s).
	 */
	public DocumentContext sync(String id) {
		HttpResponse<String> response = this.http.post("/api/v1/connectors/" + id + "/sync", "application/json", "",
				MeasuredUploads.admin());
		if (response.statusCode() != 202) {
			throw new AssertionError("Sync answered " + response.statusCode() + ": " + response.body());
		}
		String run = JsonPath.parse(response.body()).read("$.id", String.class);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			DocumentContext runs = JsonPath.parse(get("/api/v1/connectors/" + id + "/runs").body());
			List<Map<String, Object>> matching = runs.read("$[?(@.id == '" + run + "')]");
			if (!matching.isEmpty() && List.of("COMPLETED", "FAILED").contains(matching.get(0).get("status"))) {
				return JsonPath.parse(JSON.writeValueAsString(matching.get(0)));
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("Run " + run + " of connector " + id + " did not finish in 120 s");
	}

	public DocumentContext job(String id) {
		return JsonPath.parse(get("/api/v1/ingestions/" + id).body());
	}

}
