package org.greenledger.ingestion.greenbutton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.RowError;
import org.greenledger.ingestion.table.ValueRange;
import org.greenledger.ingestion.measured.MeasuredSource;
import org.greenledger.ingestion.measured.MeasurementSink;
import org.greenledger.sites.MeterRole;
import org.greenledger.ingestion.measured.Series;
import org.greenledger.ingestion.measured.SeriesLabels;

/**
 * Links a feed's resources by their hrefs (IntervalBlock to MeterReading, MeterReading to
 * ReadingType and UsagePoint) and hands each IntervalBlock's readings to the sink.
 */
final class EspiResolver {

	/** One IntervalReading as written: its row, line and raw texts. */
	record Reading(long row, int line, @Nullable String start, @Nullable String duration, @Nullable String value) {

	}

	/** An IntervalBlock's readings and the key of its MeterReading (null if unlinked). */
	record Block(int line, List<Reading> readings, @Nullable String meterReading) {

		Block(int line, List<Reading> readings) {
			this(line, readings, null);
		}

		Block of(@Nullable String meterReadingKey) {
			return new Block(this.line, this.readings, meterReadingKey);
		}

	}

	private record MeterReadingLink(@Nullable String readingType) {

	}

	private record ReadingTypeFields(Map<String, String> fields, int line) {

	}

	private final String site;

	private final @Nullable MeterRole role;

	private final MeasurementSink sink;

	private final Map<String, String> usagePoints = new HashMap<>();

	private final Map<String, MeterReadingLink> meterReadings = new HashMap<>();

	private final Map<String, ReadingTypeFields> readingTypes = new HashMap<>();

	private final Map<String, EspiReadingType> interpreted = new HashMap<>();

	private final Map<Series, Integer> handles = new HashMap<>();

	EspiResolver(String site, @Nullable MeterRole role, MeasurementSink sink) {
		this.site = site;
		this.role = role;
		this.sink = sink;
	}

	void usagePoint(@Nullable String self, @Nullable String title) {
		String key = (self != null) ? EspiLinks.from(self, "UsagePoint") : null;
		if (key != null) {
			this.usagePoints.put(key, (title != null && !title.isBlank()) ? title.strip() : EspiLinks.id(key));
		}
	}

	void meterReading(@Nullable String self, List<String> related) {
		String key = (self != null) ? EspiLinks.from(self, "UsagePoint") : null;
		if (key == null) {
			return;
		}
		String readingType = null;
		for (String href : related) {
			String candidate = EspiLinks.from(href, "ReadingType");
			if (candidate != null) {
				readingType = candidate;
				break;
			}
		}
		this.meterReadings.put(key, new MeterReadingLink(readingType));
	}

	void readingType(@Nullable String self, @Nullable Map<String, String> fields, int line) {
		String key = (self != null) ? EspiLinks.from(self, "ReadingType") : null;
		if (key != null && fields != null) {
			this.readingTypes.put(key, new ReadingTypeFields(fields, line));
		}
	}

	/** The MeterReading key of an IntervalBlock entry, from its self or up link. */
	@Nullable String meterReadingOf(@Nullable String self, @Nullable String up) {
		for (String href : new String[] { self, up }) {
			String key = (href != null) ? EspiLinks.from(href, "UsagePoint") : null;
			if (key != null && key.contains("/MeterReading/")) {
				return EspiLinks.before(key, "IntervalBlock");
			}
		}
		return null;
	}

	/** Whether everything the block needs has been read. */
	boolean resolvable(Block block) {
		MeterReadingLink link = (block.meterReading() != null) ? this.meterReadings.get(block.meterReading()) : null;
		return link != null && link.readingType() != null && this.readingTypes.containsKey(link.readingType())
				&& this.usagePoints.containsKey(EspiLinks.before(block.meterReading(), "MeterReading"));
	}

	/** Hands the block's readings over: intervals, or rejections saying what is wrong. */
	void emit(Block block) {
		String problem = unresolved(block);
		if (problem != null) {
			for (Reading reading : block.readings()) {
				this.sink.rejected(reading.row(), List.of(new RowError(reading.row(), "IntervalBlock",
						"line " + reading.line() + ": the IntervalBlock (line " + block.line() + ") " + problem)));
			}
			return;
		}
		String meterReading = block.meterReading();
		MeterReadingLink link = this.meterReadings.get(meterReading);
		ReadingTypeFields fields = this.readingTypes.get(link.readingType());
		EspiReadingType type = this.interpreted.computeIfAbsent(link.readingType(),
				key -> EspiReadingType.of(fields.fields(), this.role));
		if (type.exported()) {
			for (Reading reading : block.readings()) {
				this.sink.ignored(reading.row(), type.column(),
						"line " + reading.line() + ": the ReadingType (line " + fields.line() + ") " + type.problem());
			}
			return;
		}
		if (type.problem() != null || type.quantity() == null) {
			for (Reading reading : block.readings()) {
				this.sink.rejected(reading.row(), List.of(new RowError(reading.row(), type.column(), "line "
						+ reading.line() + ": the ReadingType (line " + fields.line() + ") " + type.problem())));
			}
			return;
		}
		MeterRole meterRole = (this.role != null) ? this.role : EspiReadingType.defaultRole(type.quantity());
		String meter = this.usagePoints.get(EspiLinks.before(meterReading, "MeterReading")) + "/"
				+ EspiLinks.id(meterReading);
		Series series = Series.of(MeasuredSource.GREEN_BUTTON, type.quantity().name().toLowerCase(Locale.ROOT),
				type.quantity(),
				Map.of(SeriesLabels.SITE, this.site, SeriesLabels.METER, meter, SeriesLabels.ROLE, meterRole.name()));
		Integer handle = null;
		for (Reading reading : block.readings()) {
			List<RowError> errors = new ArrayList<>(1);
			Long start = seconds(reading, reading.start(), "IntervalReading/timePeriod/start", errors);
			Long duration = seconds(reading, reading.duration(), "IntervalReading/timePeriod/duration", errors);
			if (duration != null && duration <= 0) {
				errors.add(error(reading, "IntervalReading/timePeriod/duration",
						"is " + duration + " seconds; an interval lasts more than 0"));
			}
			BigDecimal value = value(reading, errors);
			if (!errors.isEmpty() || start == null || duration == null || value == null) {
				this.sink.rejected(reading.row(), errors);
				continue;
			}
			if (handle == null) {
				handle = this.handles.computeIfAbsent(series, this.sink::series);
			}
			double amount = value.scaleByPowerOfTen(type.multiplier()).multiply(type.factor()).doubleValue();
			this.sink.interval(reading.row(), handle, start * 1000, (start + duration) * 1000, amount);
		}
	}

	private @Nullable String unresolved(Block block) {
		if (block.meterReading() == null) {
			return "has no self or up link naming its MeterReading (.../UsagePoint/{id}/MeterReading/{id}/...)";
		}
		MeterReadingLink link = this.meterReadings.get(block.meterReading());
		if (link == null) {
			return "belongs to the MeterReading " + block.meterReading() + ", which is not in the file";
		}
		if (link.readingType() == null) {
			return "belongs to the MeterReading " + block.meterReading()
					+ ", which has no related link to its ReadingType";
		}
		if (!this.readingTypes.containsKey(link.readingType())) {
			return "is measured as the ReadingType " + link.readingType() + ", which is not in the file";
		}
		String usagePoint = EspiLinks.before(block.meterReading(), "MeterReading");
		if (!this.usagePoints.containsKey(usagePoint)) {
			return "belongs to the UsagePoint " + usagePoint + ", which is not in the file";
		}
		return null;
	}

	private static @Nullable Long seconds(Reading reading, @Nullable String text, String column,
			List<RowError> errors) {
		if (text == null || text.isEmpty()) {
			errors.add(error(reading, column, "is missing"));
			return null;
		}
		try {
			long seconds = Long.parseLong(text);
			if (Math.abs(seconds) > 100L * 365 * 86_400 * 100) {
				errors.add(error(reading, column, "'" + text + "' seconds is out of range"));
				return null;
			}
			return seconds;
		}
		catch (NumberFormatException ex) {
			errors.add(error(reading, column, "'" + abbreviate(text) + "' is not a whole number of seconds"));
			return null;
		}
	}

	private static @Nullable BigDecimal value(Reading reading, List<RowError> errors) {
		String text = reading.value();
		if (text == null || text.isEmpty()) {
			errors.add(error(reading, "IntervalReading/value", "is missing"));
			return null;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			errors.add(error(reading, "IntervalReading/value", "'" + abbreviate(text) + "' is not a number"));
			return null;
		}
		String range = ValueRange.READING_VALUE.check(value.abs());
		if (range != null) {
			errors.add(error(reading, "IntervalReading/value", range));
			return null;
		}
		if (value.signum() < 0) {
			errors.add(error(reading, "IntervalReading/value", "'" + text + "' is negative; delivered amounts are at"
					+ " least 0 (exported energy belongs in a reverse-flow ReadingType, which is not read)"));
			return null;
		}
		return value;
	}

	private static RowError error(Reading reading, String column, String message) {
		return new RowError(reading.row(), column, "line " + reading.line() + ": " + message);
	}

	private static String abbreviate(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 57) + "...";
	}

}
