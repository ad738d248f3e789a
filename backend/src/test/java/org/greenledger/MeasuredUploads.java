package org.greenledger;

import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.greenledger.ingestion.api.Jobs;

/**
 * Uploads files through the ingestion API as admin and waits for their jobs, in tests.
 */
public final class MeasuredUploads {

	private final HttpTestClient http;

	public MeasuredUploads(HttpTestClient http) {
		this.http = http;
	}

	public static String[] admin() {
		return HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	/** Uploads and returns the finished job. */
	public DocumentContext upload(String fileName, byte[] content, Map<String, String> fields) {
		var response = this.http.postMultipart("/api/v1/ingestions", fileName, content, fields, admin());
		if (response.statusCode() != 202) {
			throw new AssertionError("Upload answered " + response.statusCode() + ": " + response.body());
		}
		return await(JsonPath.parse(response.body()).read("$.id", String.class));
	}

	/** POSTs JSON as admin and returns the parsed answer. */
	public DocumentContext postJson(String path, String json) {
		var response = this.http.post(path, "application/json", json, admin());
		if (response.statusCode() / 100 != 2) {
			throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JsonPath.parse(response.body());
	}

	public DocumentContext getJson(String path) {
		return JsonPath.parse(this.http.get(path, admin()).body());
	}

	/**
	 * The job once it has left QUEUED and RUNNING (at most 30 s), polled by
	 * {@link Jobs#await}.
	 */
	public DocumentContext await(String id) {
		return Jobs.await(this.http, id);
	}

}
