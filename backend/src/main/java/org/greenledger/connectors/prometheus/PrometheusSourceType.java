package org.greenledger.connectors.prometheus;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.greenledger.connectors.ConnectorException;
import org.greenledger.connectors.ConnectorSettings;
import org.greenledger.connectors.ConnectorType;
import org.greenledger.connectors.MetricSourceType;
import org.greenledger.connectors.SettingField;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * PROMETHEUS connectors: the settings of {@link PrometheusSettings} and {@code window}
 * (how far back the first run pulls and the longest interval one run pulls; default one
 * day), pulled with {@link PrometheusPuller}.
 */
@Component
class PrometheusSourceType implements MetricSourceType {

	static final String WINDOW = "window";

	static final Duration DEFAULT_WINDOW = Duration.ofDays(1);

	private static final Duration MIN_WINDOW = Duration.ofMinutes(1);

	private static final Duration MAX_WINDOW = Duration.ofDays(31);

	private static final List<SettingField> FIELDS = List.of(
			SettingField.required(PrometheusSettings.URL, "URL",
					"Prometheus' base URL, for example http://prometheus:9090 (not an /api/v1 URL)."),
			SettingField.required(PrometheusSettings.SITE, "Site",
					"The code of the registered site whose hosts these metrics measure."),
			SettingField.optional(PrometheusSettings.SELECTORS, "Selectors",
					"Metric selectors, one per line; empty for the DCGM exporter's and Kepler's energy counters."),
			SettingField.optional(PrometheusSettings.LABELS, "Labels",
					"Label matchers added to every selector, as cluster=gpu-a,job=dcgm-exporter."),
			SettingField.optional(PrometheusSettings.STEP, "Step",
					"The resolution of the pull: 30s, 1m (default), 5m; 1 s to 5 min."),
			SettingField.optional(WINDOW, "Window",
					"How far back the first run pulls, and the most one run pulls when catching up (default P1D)."),
			SettingField.optional(PrometheusSettings.USERNAME, "User name", "For HTTP basic authentication."),
			SettingField.secret(PrometheusSettings.PASSWORD, "Password", "Write-only. With the user name."),
			SettingField.secret(PrometheusSettings.BEARER_TOKEN, "Bearer token",
					"Write-only. A read-only token, instead of a user name and password."));

	@Override
	public ConnectorType type() {
		return ConnectorType.PROMETHEUS;
	}

	@Override
	public List<SettingField> fields() {
		return FIELDS;
	}

	@Override
	public List<FieldProblem> validate(ConnectorSettings settings) {
		List<FieldProblem> problems = problems(PrometheusSettings.errors(settings.values(), settings.secrets()),
				settings);
		String window = settings.text(WINDOW);
		if (window != null) {
			Duration duration = PrometheusSettings.duration(window);
			if (duration == null) {
				problems.add(new FieldProblem(WINDOW, "'" + window + "' is not a duration (such as 6h, P1D or PT12H)"));
			}
			else if (duration.compareTo(MIN_WINDOW) < 0 || duration.compareTo(MAX_WINDOW) > 0) {
				problems.add(new FieldProblem(WINDOW, "must be between 1 min and 31 days"));
			}
		}
		return problems;
	}

	@Override
	public String check(ConnectorSettings settings) throws ConnectorException {
		PrometheusSettings prometheus = PrometheusSettings.of(settings.values(), settings.secrets());
		new PrometheusPuller(prometheus).check();
		return "Connected: Prometheus at " + prometheus.url() + " answered and accepted every selector ("
				+ String.join(", ", prometheus.selectors()) + ").";
	}

	@Override
	public Duration window(ConnectorSettings settings) {
		String window = settings.text(WINDOW);
		Duration duration = (window != null) ? PrometheusSettings.duration(window) : null;
		return (duration != null) ? duration : DEFAULT_WINDOW;
	}

	@Override
	public Source open(ConnectorSettings settings) throws ConnectorException {
		PrometheusSettings prometheus = PrometheusSettings.of(settings.values(), settings.secrets());
		PrometheusPuller puller = new PrometheusPuller(prometheus);
		return new Source() {

			@Override
			public String site() {
				return prometheus.site();
			}

			@Override
			public Instant floorToStep(Instant time) {
				return puller.floorToStep(time);
			}

			@Override
			public String pull(String connector, Instant from, Instant to, OutputStream out) throws ConnectorException {
				return puller.pull(connector, from, to, out).fileName();
			}

		};
	}

}
