package org.greenledger.ingestion;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One file's sums per day (UTC, of the period start), kept while the rows stream by: per
 * attribute combination and data-quality tier (for replacements and overlaps), and per
 * attribute value, currency and tier (what the footprint query reads). Stored with the
 * file; the month sums are computed from them in SQL.
 */
final class FileRollups {

	private static final int TAG_SET_SUMS_LIMIT = 100_000;

	/** Distinct values of one tag key summed separately per file. */
	static final int TAG_VALUES_PER_KEY = 1000;

	static final String OTHER_VALUES = "(other values)";

	private final Map<String, Set<String>> tagValues = new HashMap<>();

	private final RollupSums<DayKey> days = new RollupSums<>();

	/**
	 * Sums per tag set first (one map update per row); expanded into sums per tag key and
	 * value when the map grows large and at the end, so memory stays bounded.
	 */
	private final RollupSums<TagSetKey> tagSets = new RollupSums<>();

	private final Map<Long, Map<String, String>> tagSetContent = new HashMap<>();

	private final RollupSums<AttributeKey> attributes = new RollupSums<>();

	/**
	 * @param impacts it, facility kWh; location, market, embodied kg CO2e; on-site,
	 * off-site liters (zeros for a cost-only row)
	 */
	void add(Instant periodStart, long dimensionId, int quality, @Nullable Long tagsId, Map<String, String> rowTags,
			@Nullable String currency, double[] impacts, BigDecimal billedCost) {
		long epochDay = Math.floorDiv(periodStart.getEpochSecond(), 86_400L);
		this.days.add(new DayKey(epochDay, dimensionId, quality), impacts, billedCost);
		if (tagsId != null) {
			this.tagSets.add(new TagSetKey(epochDay, tagsId, currencyOf(currency), quality), impacts, billedCost);
			this.tagSetContent.putIfAbsent(tagsId, rowTags);
			if (this.tagSets.size() >= TAG_SET_SUMS_LIMIT) {
				expandTagSets();
			}
		}
	}

	private void expandTagSets() {
		this.tagSets.forEach((key, sums) -> this.tagSetContent.get(key.tagsId())
			.forEach((tag, value) -> this.attributes.add(
					new AttributeKey(key.epochDay(), "tag:" + tag, kept(tag, value), key.currency(), key.quality()),
					sums)));
		this.tagSets.clear();
		this.tagSetContent.clear();
	}

	/**
	 * The value itself while its key has fewer than {@link #TAG_VALUES_PER_KEY} distinct
	 * values in this file, then {@link #OTHER_VALUES}: a tag with a value per resource
	 * cannot make the sums as large as the file.
	 */
	private String kept(String key, String value) {
		Set<String> values = this.tagValues.computeIfAbsent(key, k -> new HashSet<>());
		if (values.contains(value)) {
			return value;
		}
		if (values.size() < TAG_VALUES_PER_KEY) {
			values.add(value);
			return value;
		}
		return OTHER_VALUES;
	}

	/** Stores the day sums, then the month sums computed from them. */
	void store(Connection connection, UUID job, Map<Long, Dimension> dimensions) throws SQLException {
		expandTagSets();
		this.days.forEach((key, sums) -> {
			Dimension dimension = dimensions.get(key.dimensionId());
			String currency = currencyOf(dimension.currency());
			for (String[] attribute : dimension.attributes()) {
				this.attributes
					.add(new AttributeKey(key.epochDay(), attribute[0], attribute[1], currency, key.quality()), sums);
			}
		});
		this.days.encode(4, (key, out) -> {
			out.putUuid(job);
			out.putDate(key.epochDay());
			out.putInt8(key.dimensionId());
			out.putInt2(key.quality());
		}).copyTo(connection, "footprint_rollup_day");
		this.attributes.encode(6, (key, out) -> {
			out.putUuid(job);
			out.putDate(key.epochDay());
			out.putText(key.attribute());
			out.putText(key.value());
			out.putText(key.currency());
			out.putInt2(key.quality());
		}).copyTo(connection, "footprint_rollup_attribute_day");
		try (var statement = connection.prepareStatement(monthsFromDays(""))) {
			statement.setObject(1, job);
			statement.executeUpdate();
		}
		try (var statement = connection.prepareStatement(attributeMonthsFromDays(""))) {
			statement.setObject(1, job);
			statement.executeUpdate();
		}
	}

	private static String currencyOf(@Nullable String currency) {
		return (currency != null) ? currency : "(none)";
	}

	/** Sums a job's day rows into month rows; {@code condition} narrows the days. */
	static String monthsFromDays(String condition) {
		return """
				insert into footprint_rollup_month
				select job_id, date_trunc('month', day)::date, dimension_id, quality, %s
				from footprint_rollup_day where job_id = ? %s group by 1, 2, 3, 4""".formatted(SUMS, condition);
	}

	static String attributeMonthsFromDays(String condition) {
		return """
				insert into footprint_rollup_attribute_month
				select job_id, date_trunc('month', day)::date, attribute, value, currency, quality, %s
				from footprint_rollup_attribute_day where job_id = ? %s group by 1, 2, 3, 4, 5, 6""".formatted(SUMS,
				condition);
	}

	static final String SUMS = """
			sum(row_count), sum(it_kwh), sum(facility_kwh), sum(co2e_location_kg), sum(co2e_market_kg),
			sum(co2e_embodied_kg), sum(water_onsite_l), sum(water_offsite_l), sum(billed_cost)""";

	private record DayKey(long epochDay, long dimensionId, int quality) {
	}

	private record TagSetKey(long epochDay, long tagsId, String currency, int quality) {
	}

	private record AttributeKey(long epochDay, String attribute, String value, String currency, int quality) {
	}

}
