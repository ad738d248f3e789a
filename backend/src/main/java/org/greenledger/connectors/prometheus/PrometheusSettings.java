package org.greenledger.connectors.prometheus;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.greenledger.connectors.ConnectorException;

/**
 * The settings of a PROMETHEUS connector.
 *
 * <p>
 * Settings: {@code url} (Prometheus' base URL, such as {@code http://prometheus:9090}, or
 * a compatible API's, with its path prefix if any), {@code site} (the code of the
 * registered site the hosts run at; required), {@code selectors} (metric selectors, one
 * per line; by default {@link #DEFAULT_SELECTORS}), {@code labels} (label matchers added
 * to every selector, {@code name=value} separated by commas, to take only this site's
 * series, for example {@code cluster=gpu-a}), {@code step} (the resolution of the pull, 1
 * s to 5 min, as {@code 30s}, {@code 1m} or an ISO-8601 duration; default 1 min) and
 * {@code username} (for HTTP basic authentication). Secrets: {@code bearerToken} or
 * {@code password} (with {@code username}), or neither.
 *
 * @param url the base URL, without a trailing slash
 * @param site the site code the pulled energy belongs to
 * @param selectors the metric selectors, each already with the extra label matchers
 * @param step the resolution of the pull
 * @param username the basic-authentication user, or null
 * @param password the basic-authentication password, or null
 * @param bearerToken the bearer token, or null
 */
public record PrometheusSettings(URI url, String site, List<String> selectors, Duration step, @Nullable String username,
		@Nullable String password, @Nullable String bearerToken) {

	public static final String URL = "url";

	public static final String SITE = "site";

	public static final String SELECTORS = "selectors";

	public static final String LABELS = "labels";

	public static final String STEP = "step";

	public static final String USERNAME = "username";

	public static final String PASSWORD = "password";

	public static final String BEARER_TOKEN = "bearerToken";

	/**
	 * The energy metrics GreenLedger integrates, chosen so that nothing counts twice: the
	 * DCGM exporter's energy counter (not also its power gauge), Kepler 0.7's node
	 * package and DRAM counters (core and uncore are parts of the package, platform and
	 * GPU overlap the others and DCGM), and Kepler 0.10's node CPU counter for its
	 * package and DRAM zones.
	 */
	public static final List<String> DEFAULT_SELECTORS = List.of("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION",
			"kepler_node_package_joules_total", "kepler_node_dram_joules_total",
			"kepler_node_cpu_joules_total{zone=~\"package|dram\"}");

	static final Duration DEFAULT_STEP = Duration.ofMinutes(1);

	static final Duration MIN_STEP = Duration.ofSeconds(1);

	/**
	 * At most the readers' maximum gap between power samples, so gauges still integrate.
	 */
	static final Duration MAX_STEP = Duration.ofMinutes(5);

	private static final Pattern SELECTOR = Pattern.compile("\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*(\\{(.*)\\})?\\s*",
			Pattern.DOTALL);

	private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*(.*?)\\s*");

	private static final Pattern PROMETHEUS_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

	/**
	 * The settings, validated; a {@link ConnectorException} lists every field error in
	 * one message (see {@link #errors}).
	 */
	public static PrometheusSettings of(Map<String, String> settings, Map<String, String> secrets)
			throws ConnectorException {
		Map<String, String> errors = errors(settings, secrets);
		if (!errors.isEmpty()) {
			StringBuilder message = new StringBuilder("the Prometheus settings are not valid:");
			errors.forEach((field, error) -> message.append(' ').append(field).append(": ").append(error).append(';'));
			message.setLength(message.length() - 1);
			throw new ConnectorException(message.toString());
		}
		String url = value(settings, URL);
		List<String> selectors = new ArrayList<>();
		String labels = matchers(value(settings, LABELS));
		for (String selector : selectors(value(settings, SELECTORS))) {
			selectors.add(withMatchers(selector, labels));
		}
		String step = value(settings, STEP);
		return new PrometheusSettings(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
				value(settings, SITE), List.copyOf(selectors), step.isEmpty() ? DEFAULT_STEP : duration(step),
				blankToNull(value(settings, USERNAME)), blankToNull(value(secrets, PASSWORD)),
				blankToNull(value(secrets, BEARER_TOKEN)));
	}

	/**
	 * What is wrong with the settings, field name to a sentence, in field order; empty
	 * when they are valid.
	 */
	public static Map<String, String> errors(Map<String, String> settings, Map<String, String> secrets) {
		Map<String, String> errors = new LinkedHashMap<>();
		String url = value(settings, URL);
		if (url.isEmpty()) {
			errors.put(URL, "is required (Prometheus' base URL, for example http://prometheus:9090)");
		}
		else {
			urlError(url).ifPresent(error -> errors.put(URL, error));
		}
		if (value(settings, SITE).isEmpty()) {
			errors.put(SITE, "is required: the code of the registered site whose hosts these metrics measure");
		}
		for (String selector : selectors(value(settings, SELECTORS))) {
			if (!SELECTOR.matcher(selector).matches() || selector.strip().equals("{}") || selector.isBlank()) {
				errors.put(SELECTORS, "'" + selector + "' is not a metric selector (a metric name, optionally with"
						+ " label matchers in braces, such as DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{Hostname=\"gpu-1\"})");
				break;
			}
		}
		String labels = value(settings, LABELS);
		if (!labels.isEmpty()) {
			for (String label : labels.split(",")) {
				if (!LABEL.matcher(label).matches() || label.strip().endsWith("=")) {
					errors.put(LABELS, "'" + label.strip() + "' is not name=value (labels are given as"
							+ " cluster=gpu-a,job=dcgm-exporter)");
					break;
				}
			}
		}
		String step = value(settings, STEP);
		if (!step.isEmpty()) {
			Duration duration = duration(step);
			if (duration == null) {
				errors.put(STEP, "'" + step + "' is not a duration (such as 30s, 1m or PT1M)");
			}
			else if (duration.compareTo(MIN_STEP) < 0 || duration.compareTo(MAX_STEP) > 0) {
				errors.put(STEP, "must be between 1 s and 5 min (a power gauge sampled less often is not integrated)");
			}
		}
		boolean user = !value(settings, USERNAME).isEmpty();
		boolean password = !value(secrets, PASSWORD).isEmpty();
		boolean token = !value(secrets, BEARER_TOKEN).isEmpty();
		if (user != password) {
			errors.put(user ? PASSWORD : USERNAME, "basic authentication needs both a username and a password");
		}
		else if (user && token) {
			errors.put(BEARER_TOKEN, "give either a bearer token or a username and password, not both");
		}
		return errors;
	}

	/** The settings for logs and the portal, without the secrets. */
	@Override
	public String toString() {
		String auth = (this.bearerToken != null) ? "bearer token"
				: (this.username != null) ? "basic (" + this.username + ")" : "none";
		return "PrometheusSettings[url=" + this.url + ", site=" + this.site + ", selectors=" + this.selectors
				+ ", step=" + this.step + ", authentication=" + auth + "]";
	}

	private static List<String> selectors(String text) {
		List<String> selectors = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (!line.isBlank()) {
				selectors.add(line.strip());
			}
		}
		return selectors.isEmpty() ? DEFAULT_SELECTORS : selectors;
	}

	/** The matchers of the labels setting, as PromQL ({@code a="x",b="y"}). */
	private static String matchers(String labels) {
		if (labels.isEmpty()) {
			return "";
		}
		List<String> matchers = new ArrayList<>();
		for (String label : labels.split(",")) {
			Matcher matcher = LABEL.matcher(label);
			if (matcher.matches()) {
				String value = matcher.group(2);
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				matchers.add(matcher.group(1) + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
			}
		}
		return String.join(",", matchers);
	}

	static String withMatchers(String selector, String matchers) {
		if (matchers.isEmpty()) {
			return selector;
		}
		String trimmed = selector.strip();
		if (!trimmed.endsWith("}")) {
			return trimmed + "{" + matchers + "}";
		}
		String inside = trimmed.substring(trimmed.indexOf('{') + 1, trimmed.length() - 1).strip();
		String head = trimmed.substring(0, trimmed.indexOf('{'));
		return head + "{" + (inside.isEmpty() ? "" : inside + ",") + matchers + "}";
	}

	static @Nullable Duration duration(String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		Matcher matcher = PROMETHEUS_DURATION.matcher(value);
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			};
		}
		try {
			return Duration.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Optional<String> urlError(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return Optional.of("'" + url + "' is not an http or https URL");
			}
			if (uri.getHost() == null) {
				return Optional.of("'" + url + "' has no host");
			}
			if (uri.getUserInfo() != null) {
				return Optional.of("has a user name in it: give it as username, and the password as a secret");
			}
			if (uri.getQuery() != null || uri.getFragment() != null) {
				return Optional.of("'" + url + "' has a query or fragment: give the base URL only");
			}
			if (uri.getPath() != null && uri.getPath().contains("/api/v1")) {
				return Optional.of("'" + url + "' names an API path: give the base URL, without /api/v1/...");
			}
			return Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.of("'" + url + "' is not a URL");
		}
	}

	private static @Nullable String blankToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	private static String value(Map<String, String> values, String name) {
		String value = values.get(name);
		return (value != null) ? value.strip() : "";
	}

}
