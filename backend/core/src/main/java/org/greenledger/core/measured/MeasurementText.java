package org.greenledger.core.measured;

import java.math.BigDecimal;

/** Figures of measured data written for people, in notes and row errors. */
final class MeasurementText {

	private static final long HOUR = SeriesState.HOUR;

	private MeasurementText() {
	}

	/** A series for people: source, metric and labels. */
	static String describe(Series series) {
		return series.source() + " " + series.metric() + " " + series.labels();
	}

	static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.toString(value);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	static String duration(long millis) {
		StringBuilder text = new StringBuilder();
		long hours = millis / HOUR;
		long minutes = (millis % HOUR) / 60_000;
		long seconds = (millis % 60_000) / 1000;
		long rest = millis % 1000;
		if (hours > 0) {
			text.append(hours).append(" h ");
		}
		if (minutes > 0) {
			text.append(minutes).append(" min ");
		}
		if (seconds > 0 || rest > 0 || text.isEmpty()) {
			text.append(seconds);
			if (rest > 0) {
				text.append('.').append(String.format("%03d", rest));
			}
			text.append(" s ");
		}
		return text.toString().strip();
	}

}
