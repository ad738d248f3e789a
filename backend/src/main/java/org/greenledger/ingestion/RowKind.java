package org.greenledger.ingestion;

import java.util.Locale;

import org.greenledger.core.source.FormatKind;

/**
 * The kinds of data an upload holds, each with its own default limit on the share of
 * rejected rows above which the whole file is refused ({@code docs/validation.md}
 * explains each choice). A row that is valid but not counted (energy exported to the
 * grid, a Green Button reading repeated in a later block) is not a rejected row.
 */
enum RowKind {

	/**
	 * Billing exports (FOCUS, CUR, GCP, Azure): 0. A bill must reconcile to its own
	 * total, so one unusable row refuses the file.
	 */
	BILLING(0.0),

	/**
	 * Meter readings (Green Button, meter CSV): 1 %. They are the basis of Scope 2 and of
	 * PUE and WUE; a few unreadable intervals (about 7 hours of a month of hourly
	 * readings) are listed, more refuse the file.
	 */
	METER(0.01),

	/**
	 * Measured telemetry (nvidia-smi, DCGM/Kepler, CodeCarbon; CloudWatch CPU
	 * utilization): 10 %. Samples are many and redundant (the energy around a rejected
	 * power sample is still integrated from its neighbours), and CodeCarbon files are
	 * small: a run interrupted while it was written leaves a row without energy, and two
	 * such rows in a file of 28 must not refuse the other 26. A file with more unusable
	 * rows is more likely the wrong file or a broken export.
	 */
	TELEMETRY(0.10),

	/**
	 * Hourly grid intensity: 5 %. An hour without an imported intensity falls back to the
	 * zone's yearly factor, flagged.
	 */
	GRID(0.05);

	private final double defaultShare;

	RowKind(double defaultShare) {
		this.defaultShare = defaultShare;
	}

	double defaultShare() {
		return this.defaultShare;
	}

	/** The kind's name in settings and reports: {@code billing}, {@code meter}, ... */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The kind of a format's rows: CPU utilization datapoints are telemetry and share its
	 * limit.
	 */
	static RowKind of(FormatKind<?> kind) {
		return (kind == FormatKind.UTILIZATION) ? TELEMETRY : valueOf(kind.name());
	}

}
