package org.greenledger.core.source;

import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.measured.GridIntensitySink;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.UtilizationSink;

/**
 * The kinds of data a format holds, each read into its own sink: bills (rows mapped to
 * activity lines), meter readings and telemetry (samples and intervals summed into
 * measured lines), hourly grid intensities, and cloud instances' CPU utilization.
 *
 * @param <S> the sink a format of this kind reads into
 */
public final class FormatKind<S> {

	/** Billing exports, read into {@link BillingRowSink}s. */
	public static final FormatKind<BillingRowSink> BILLING = new FormatKind<>("BILLING", BillingRowSink.class);

	/** A site's meter readings, read into {@link MeasurementSink}s. */
	public static final FormatKind<MeasurementSink> METER = new FormatKind<>("METER", MeasurementSink.class);

	/** GPU, node and process telemetry, read into {@link MeasurementSink}s. */
	public static final FormatKind<MeasurementSink> TELEMETRY = new FormatKind<>("TELEMETRY", MeasurementSink.class);

	/** Hourly grid carbon intensities, read into {@link GridIntensitySink}s. */
	public static final FormatKind<GridIntensitySink> GRID = new FormatKind<>("GRID", GridIntensitySink.class);

	/**
	 * CPU utilization of cloud instances (a share of time, not energy), read into
	 * {@link UtilizationSink}s; it feeds the right-sizing opportunities, never the
	 * footprint.
	 */
	public static final FormatKind<UtilizationSink> UTILIZATION = new FormatKind<>("UTILIZATION",
			UtilizationSink.class);

	private final String name;

	private final Class<S> sink;

	private FormatKind(String name, Class<S> sink) {
		this.name = name;
		this.sink = sink;
	}

	/** The kind's name: BILLING, METER, TELEMETRY, GRID or UTILIZATION. */
	public String name() {
		return this.name;
	}

	/**
	 * A format as one that reads into {@code sink}.
	 * @throws IllegalArgumentException when the format's kind reads into another sink
	 */
	@SuppressWarnings("unchecked")
	public static <T> SourceFormat<T> reading(SourceFormat<?> format, Class<T> sink) {
		if (format.kind().sink != sink) {
			throw new IllegalArgumentException(format.name() + " is read into " + format.kind().sink.getSimpleName()
					+ ", not " + sink.getSimpleName());
		}
		return (SourceFormat<T>) format;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
