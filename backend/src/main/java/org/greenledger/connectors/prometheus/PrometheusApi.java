package org.greenledger.connectors.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.net.ssl.SSLException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.greenledger.connectors.ConnectorException;

/**
 * Prometheus' HTTP API ({@code /api/v1/query_range}, {@code /api/v1/query}) over the
 * JDK's HTTP client. A range query's matrix is read streaming and handed on series by
 * series; every failure becomes a {@link ConnectorException} in the user's words.
 */
final class PrometheusApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static final int ERROR_BODY_LIMIT = 16 * 1024;

	/** Receives a matrix: each series' labels, then its samples in time order. */
	interface MatrixSink {

		void series(Map<String, String> labels) throws ConnectorException;

		/**
		 * @param seconds the sample's time, seconds since the epoch
		 * @param value the value as Prometheus wrote it ("12.5", "NaN", "+Inf")
		 */
		void sample(BigDecimal seconds, String value) throws ConnectorException;

	}

	private final PrometheusSettings settings;

	private final HttpClient http;

	PrometheusApi(PrometheusSettings settings, HttpClient http) {
		this.settings = settings;
		this.http = http;
	}

	/** Runs a range query (end inclusive) and streams its matrix to the sink. */
	void queryRange(String selector, Instant start, Instant end, Duration step, MatrixSink sink)
			throws ConnectorException {
		String query = "query=" + encode(selector) + "&start=" + seconds(start) + "&end=" + seconds(end) + "&step="
				+ seconds(step);
		try (InputStream body = get("/api/v1/query_range", query, selector)) {
			readMatrix(body, sink);
		}
		catch (IOException ex) {
			throw unreachable(ex);
		}
	}

	/** Runs an instant query and checks that Prometheus answers it with success. */
	void query(String promql, String selector) throws ConnectorException {
		try (InputStream body = get("/api/v1/query", "query=" + encode(promql), selector)) {
			JsonNode root = JSON.readTree(body);
			if (root == null || !"success".equals(root.path("status").asString(""))) {
				throw notPrometheus();
			}
		}
		catch (JacksonException ex) {
			throw notPrometheus();
		}
		catch (IOException ex) {
			throw unreachable(ex);
		}
	}

	private InputStream get(String path, String query, String selector) throws ConnectorException, IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.settings.url() + path + "?" + query))
			.timeout(TIMEOUT)
			.header("Accept", "application/json")
			.GET();
		if (this.settings.bearerToken() != null) {
			request.header("Authorization", "Bearer " + this.settings.bearerToken());
		}
		else if (this.settings.username() != null) {
			String pair = this.settings.username() + ":" + this.settings.password();
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConnectorException("the pull from Prometheus at " + this.settings.url() + " was interrupted", ex);
		}
		if (response.statusCode() != 200) {
			try (InputStream body = response.body()) {
				throw failed(response.statusCode(), body.readNBytes(ERROR_BODY_LIMIT), path, selector);
			}
		}
		return response.body();
	}

	private void readMatrix(InputStream body, MatrixSink sink) throws ConnectorException {
		try (JsonParser parser = JSON.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw notPrometheus();
			}
			String status = null;
			boolean data = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if ("status".equals(name)) {
					status = parser.getString();
				}
				else if ("data".equals(name) && parser.currentToken() == JsonToken.START_OBJECT) {
					data = true;
					readData(parser, sink);
				}
				else {
					parser.skipChildren();
				}
			}
			if (!"success".equals(status) || !data) {
				throw notPrometheus();
			}
		}
		catch (JacksonException ex) {
			throw notPrometheus();
		}
	}

	private void readData(JsonParser parser, MatrixSink sink) throws ConnectorException {
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			if ("resultType".equals(name)) {
				if (!"matrix".equals(parser.getString())) {
					throw new ConnectorException("Prometheus at " + this.settings.url() + " answered a "
							+ parser.getString() + " where a range query gives a matrix: is it Prometheus' API?");
				}
			}
			else if ("result".equals(name) && parser.currentToken() == JsonToken.START_ARRAY) {
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					readSeries(parser, sink);
				}
			}
			else {
				parser.skipChildren();
			}
		}
	}

	private void readSeries(JsonParser parser, MatrixSink sink) throws ConnectorException {
		boolean labels = false;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			if ("metric".equals(name) && parser.currentToken() == JsonToken.START_OBJECT) {
				Map<String, String> metric = new TreeMap<>();
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String label = parser.currentName();
					parser.nextToken();
					metric.put(label, parser.getString());
				}
				sink.series(metric);
				labels = true;
			}
			else if ("values".equals(name) && parser.currentToken() == JsonToken.START_ARRAY) {
				if (!labels) {
					throw new ConnectorException("Prometheus at " + this.settings.url()
							+ " answered a series' values before its labels; GreenLedger reads them in Prometheus' order");
				}
				while (parser.nextToken() == JsonToken.START_ARRAY) {
					parser.nextToken();
					BigDecimal seconds = parser.getDecimalValue();
					parser.nextToken();
					String value = parser.getString();
					if (parser.nextToken() != JsonToken.END_ARRAY) {
						throw notPrometheus();
					}
					sink.sample(seconds, value);
				}
			}
			else {
				parser.skipChildren();
			}
		}
	}

	private ConnectorException failed(int status, byte[] body, String path, String selector) {
		String error = "";
		String type = "";
		try {
			JsonNode root = JSON.readTree(body);
			if (root != null) {
				error = root.path("error").asString("").strip();
				type = root.path("errorType").asString("").strip();
			}
		}
		catch (JacksonException ex) {
			// not a Prometheus error body: said by the status alone
		}
		String base = this.settings.url().toString();
		if (status == 401 || status == 403) {
			return new ConnectorException("Prometheus at " + base + " refused the request (HTTP " + status
					+ "): check the bearer token, or the username and password, and that they may query");
		}
		if (status == 404) {
			return new ConnectorException(base + path + " was not found (HTTP 404): give Prometheus' base URL, for"
					+ " example http://prometheus:9090, with its path prefix if it is served under one");
		}
		String said = error.isEmpty() ? "" : "; Prometheus says: " + error;
		if (status == 400 || status == 422) {
			return new ConnectorException("Prometheus could not run the selector '" + selector + "' (HTTP " + status
					+ (type.isEmpty() ? "" : ", " + type) + ")" + said);
		}
		if (status >= 500) {
			return new ConnectorException("Prometheus at " + base + " failed (HTTP " + status + ") for the selector '"
					+ selector + "'" + said + "; the next run tries again (if it says too many samples, lower the"
					+ " number of series with labels or raise the step)");
		}
		return new ConnectorException(
				"Prometheus at " + base + " answered HTTP " + status + " for the selector '" + selector + "'" + said);
	}

	private ConnectorException notPrometheus() {
		return new ConnectorException(this.settings.url() + " did not answer like Prometheus' HTTP API (JSON with"
				+ " a status and data): give Prometheus' base URL, for example http://prometheus:9090");
	}

	private ConnectorException unreachable(IOException ex) {
		String reason = reason(ex);
		return new ConnectorException("could not reach Prometheus at " + this.settings.url() + ": " + reason, ex);
	}

	private static String reason(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException) {
				return "the host name is unknown";
			}
			if (cause instanceof HttpTimeoutException) {
				return "it did not answer within " + TIMEOUT.toMinutes() + " min (pull shorter intervals, or fewer"
						+ " series)";
			}
			if (cause instanceof SSLException) {
				return "the TLS handshake failed (is it http rather than https?)";
			}
			if (cause instanceof ConnectException) {
				return "the connection was refused";
			}
		}
		return "the connection broke off (" + ex.getClass().getSimpleName() + ")";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String seconds(Instant instant) {
		return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros().toPlainString();
	}

	static String seconds(Duration duration) {
		return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
	}

}
