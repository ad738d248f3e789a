package org.greenledger.core.measured;

/**
 * Label keys with a meaning in GreenLedger; readers map their sources' names to these.
 */
public final class SeriesLabels {

	/** The site's code (meters; telemetry uploaded with {@code site=}). */
	public static final String SITE = "site";

	/** The meter's id in the file. */
	public static final String METER = "meter";

	/** The meter's role, a {@link org.greenledger.core.measured.MeterRole} name. */
	public static final String ROLE = "role";

	/** The host (node, machine) name. */
	public static final String HOST = "host";

	/** The GPU's index on its host. */
	public static final String GPU = "gpu";

	/** The GPU's UUID. */
	public static final String GPU_UUID = "gpu_uuid";

	/** The device model, for example {@code NVIDIA H100 80GB HBM3}. */
	public static final String MODEL = "model";

	/** Kubernetes namespace. */
	public static final String NAMESPACE = "namespace";

	/** Kubernetes pod. */
	public static final String POD = "pod";

	/** Container name. */
	public static final String CONTAINER = "container";

	/**
	 * A job or workload label (Prometheus {@code job} is the scrape job and not this).
	 */
	public static final String JOB = "job";

	/** CodeCarbon project name. */
	public static final String PROJECT = "project";

	/** CodeCarbon experiment id. */
	public static final String EXPERIMENT = "experiment";

	/** CodeCarbon run id. */
	public static final String RUN = "run";

	/** Kepler's {@code mode} (dynamic or idle) and similar energy components. */
	public static final String COMPONENT = "component";

	/**
	 * Set when the unit of the series' amounts is not in the file but a documented
	 * default (a Green Button file without ReadingType); its lines get a lower
	 * data-quality tier.
	 */
	public static final String UNIT = "unit";

	/** The value of {@link #UNIT} for an assumed unit. */
	public static final String UNIT_ASSUMED = "assumed";

	private SeriesLabels() {
	}

}
