package org.greenledger.core.greenbutton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.RowError;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.Series;
import org.greenledger.core.measured.SeriesLabels;
import org.greenledger.core.measured.MeterRole;

/**
 * Links a feed's resources by their hrefs (IntervalBlock to MeterReading, MeterReading to
 * ReadingType and UsagePoint), groups the IntervalReadings of the whole file by their
 * MeterReading (one series each, whatever the order of entries and blocks) and hands each
 * series to {@link EspiSeriesReadings}. Readings whose file gives no ReadingType take the
 * documented default ({@link EspiReadingType#assumed}), flagged.
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

	/** The readings of one MeterReading, in document order, with their ReadingType. */
	private record Group(String meterReading, EspiReadingType type, @Nullable Integer typeLine,
			List<Reading> readings) {

	}

	private final String site;

	private final @Nullable MeterRole role;

	private final MeasurementSink sink;

	private final Map<String, String> usagePoints = new HashMap<>();

	private final Map<String, Integer> serviceKinds = new HashMap<>();

	private final Map<String, MeterReadingLink> meterReadings = new HashMap<>();

	private final Map<String, ReadingTypeFields> readingTypes = new HashMap<>();

	private final List<Block> blocks = new ArrayList<>();

	EspiResolver(String site, @Nullable MeterRole role, MeasurementSink sink) {
		this.site = site;
		this.role = role;
		this.sink = sink;
	}

	void usagePoint(@Nullable String self, @Nullable String title, @Nullable Integer serviceKind) {
		String key = (self != null) ? EspiLinks.from(self, "UsagePoint") : null;
		if (key != null) {
			this.usagePoints.put(key, (title != null && !title.isBlank()) ? title.strip() : EspiLinks.id(key));
			if (serviceKind != null) {
				this.serviceKinds.put(key, serviceKind);
			}
		}
	}

	/**
	 * A MeterReading: its ReadingType is the one its related link names, or the one it
	 * holds inline (as some data custodians write it).
	 */
	void meterReading(@Nullable String self, List<String> related, @Nullable Map<String, String> inline, int line) {
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
		if (readingType == null && inline != null && !inline.isEmpty()) {
			readingType = "inline:" + key;
			this.readingTypes.put(readingType, new ReadingTypeFields(inline, line));
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

	void add(Block block) {
		this.blocks.add(block);
	}

	/**
	 * Hands every reading of the file over, series by series (in the order their first
	 * block appears), after the whole feed has been read.
	 */
	void finish() {
		Map<String, Group> groups = new LinkedHashMap<>();
		Map<String, EspiReadingType> interpreted = new HashMap<>();
		for (Block block : this.blocks) {
			if (block.meterReading() == null) {
				for (Reading reading : block.readings()) {
					this.sink.rejected(reading.row(),
							List.of(new RowError(reading.row(), "IntervalBlock",
									"line " + reading.line() + ": the IntervalBlock (line " + block.line()
											+ ") has no self or up link naming"
											+ " its MeterReading (.../UsagePoint/{id}/MeterReading/{id}/...)")));
				}
				continue;
			}
			Group group = groups.computeIfAbsent(block.meterReading(), key -> group(key, interpreted));
			group.readings().addAll(block.readings());
		}
		for (Group group : groups.values()) {
			emit(group);
		}
	}

	private Group group(String meterReading, Map<String, EspiReadingType> interpreted) {
		MeterReadingLink link = this.meterReadings.get(meterReading);
		ReadingTypeFields fields = (link != null && link.readingType() != null)
				? this.readingTypes.get(link.readingType()) : null;
		if (fields == null || fields.fields().values().stream().allMatch(String::isEmpty)) {
			Integer service = this.serviceKinds.get(EspiLinks.before(meterReading, "MeterReading"));
			return new Group(meterReading, EspiReadingType.assumed(service, this.role), null, new ArrayList<>());
		}
		EspiReadingType type = interpreted.computeIfAbsent(link.readingType(),
				key -> EspiReadingType.of(fields.fields(), this.role));
		return new Group(meterReading, type, fields.line(), new ArrayList<>());
	}

	private void emit(Group group) {
		EspiReadingType type = group.type();
		String where = (group.typeLine() != null) ? "the ReadingType (line " + group.typeLine() + ") "
				: "the MeterReading " + group.meterReading() + " has no ReadingType in the file, and ";
		if (type.exported()) {
			for (Reading reading : group.readings()) {
				this.sink.ignored(reading.row(), type.column(),
						"line " + reading.line() + ": " + where + type.problem());
			}
			return;
		}
		if (type.problem() != null || type.quantity() == null) {
			for (Reading reading : group.readings()) {
				this.sink.rejected(reading.row(), List.of(new RowError(reading.row(), type.column(),
						"line " + reading.line() + ": " + where + type.problem())));
			}
			return;
		}
		MeterRole meterRole = (this.role != null) ? this.role : EspiReadingType.defaultRole(type.quantity());
		String usagePoint = EspiLinks.before(group.meterReading(), "MeterReading");
		String meter = this.usagePoints.getOrDefault(usagePoint, EspiLinks.id(usagePoint)) + "/"
				+ EspiLinks.id(group.meterReading());
		Map<String, String> labels = new HashMap<>(
				Map.of(SeriesLabels.SITE, this.site, SeriesLabels.METER, meter, SeriesLabels.ROLE, meterRole.name()));
		if (type.assumed()) {
			labels.put(SeriesLabels.UNIT, SeriesLabels.UNIT_ASSUMED);
		}
		Series series = Series.of(MeasuredSource.GREEN_BUTTON, type.quantity().name().toLowerCase(Locale.ROOT),
				type.quantity(), labels);
		new EspiSeriesReadings(this.sink, series, type, meter).emit(group.readings());
	}

}
