package org.greenledger.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One file's sums per day (UTC, of the period start), kept while the rows stream by: per
 * attribute combination and data-quality tier (for replacements and overlaps), and per
 * attribute value, currency and tier (what the footprint query reads). Stored with the
 * file; the month sums are computed from them in SQL. Keys are packed into a
 * {@code long}: the day (offset by 2^21 days), a file-local number and the tier.
 */
final class FileRollups {

	private static final int TAG_SET_SUMS_LIMIT = 100_000;

	/** Distinct values of one tag key summed separately per file. */
	static final int TAG_VALUES_PER_KEY = 1000;

	static final String OTHER_VALUES = "(other values)";

	private static final long DAY_OFFSET = 1L << 21;

	private final RollupSums days = new RollupSums();

	/**
	 * Sums per tag set first (one table update per row); expanded into sums per tag key
	 * and value when the table grows large and at the end, so memory stays bounded.
	 */
	private final RollupSums tagSets = new RollupSums();

	private final RollupSums attributes = new RollupSums();

	/** Rows whose keys are made, waiting to be added to the sums in one batch. */
	private final PendingRows pending = new PendingRows();

	/** Each tag set's content by its file-local number (numbers are given in order). */
	private final List<@Nullable Map<String, String>> tagSetContent = new ArrayList<>();

	/**
	 * Each tag set's attribute values ({@code tag:key}, kept value) by its file-local
	 * number, found when the tag set is first expanded: a value kept (or refused) for a
	 * key stays so for the rest of the file.
	 */
	private final List<long @Nullable []> tagSetAttributes = new ArrayList<>();

	private @Nullable String lastCurrency;

	private long lastCurrencyNumber = -1;

	private final Map<String, Set<String>> tagValues = new HashMap<>();

	private final Map<String, Integer> currencies = new HashMap<>();

	private final List<String> currencyNames = new ArrayList<>();

	private final Map<List<String>, Integer> attributeValues = new HashMap<>();

	private final List<List<String>> attributeValueNames = new ArrayList<>();

	/**
	 * Adds a staged row (its day, cost in billionths and impacts found when staged). Its
	 * key is checked and made now; the sums take it with the rows of its batch
	 * ({@link PendingRows}).
	 */
	void add(StagedRow row) {
		if (row.day < 0) {
			throw outOfRange(row.periodStart);
		}
		long tagSetKey = PendingRows.NO_TAG_SET;
		int tagSet = row.tagSet;
		if (tagSet >= 0) {
			tagSetKey = row.day << 42 | (long) tagSet << 8 | currency(row.currency) << 3 | row.quality;
			while (this.tagSetContent.size() <= tagSet) {
				this.tagSetContent.add(null);
				this.tagSetAttributes.add(null);
			}
			if (this.tagSetContent.get(tagSet) == null) {
				this.tagSetContent.set(tagSet, row.tags);
			}
		}
		if (this.pending.add(row.day << 42 | (long) row.dimension << 3 | row.quality, tagSetKey, row.impacts, row.cost,
				row.billedCost)) {
			this.pending.addTo(this.days, this.tagSets, TAG_SET_SUMS_LIMIT, this::expandTagSets);
		}
	}

	/** The key's day of a period start, or -1 when it is out of range. */
	static long dayOrMinusOne(Instant periodStart) {
		long day = Math.floorDiv(periodStart.getEpochSecond(), 86_400L) + DAY_OFFSET;
		return (day < 0 || day >= 1L << 22) ? -1 : day;
	}

	private static IllegalArgumentException outOfRange(Instant periodStart) {
		return new IllegalArgumentException("A charge period starting " + periodStart + " is out of range");
	}

	private long currency(@Nullable String currency) {
		if (currency == this.lastCurrency && this.lastCurrencyNumber >= 0) {
			// rows repeat the same currency cell, read as the same instance
			return this.lastCurrencyNumber;
		}
		this.lastCurrency = currency;
		this.lastCurrencyNumber = currencyNumber(currency);
		return this.lastCurrencyNumber;
	}

	private long currencyNumber(@Nullable String currency) {
		String code = (currency != null) ? currency : "(none)";
		Integer known = this.currencies.get(code);
		if (known == null) {
			if (this.currencyNames.size() == 31) {
				throw new IllegalArgumentException("A file with more than 31 currencies is not supported");
			}
			known = this.currencyNames.size();
			this.currencies.put(code, known);
			this.currencyNames.add(code);
		}
		return known;
	}

	private void expandTagSets() {
		Expansion expansion = new Expansion(this.attributes, this.tagSets);
		this.tagSets.forEach((key, index) -> {
			long day = key >>> 42;
			int tagSet = (int) ((key >>> 8) & ((1L << 34) - 1));
			long currencyAndQuality = key & 0xFF;
			for (long attributeValue : tagSetAttributes(tagSet)) {
				expansion.add(day << 42 | attributeValue << 8 | currencyAndQuality, index);
			}
		});
		expansion.end();
		this.tagSets.clear();
	}

	/**
	 * Sums of one table added to another's keys, a batch at a time
	 * ({@link RollupSums#addAll}), in the order they are given.
	 */
	private static final class Expansion {

		private static final int BATCH = 256;

		private final RollupSums into;

		private final RollupSums from;

		private final long[] keys = new long[BATCH];

		private final int[] indexes = new int[BATCH];

		private int size;

		Expansion(RollupSums into, RollupSums from) {
			this.into = into;
			this.from = from;
		}

		void add(long key, int fromIndex) {
			this.keys[this.size] = key;
			this.indexes[this.size] = fromIndex;
			if (++this.size == BATCH) {
				end();
			}
		}

		void end() {
			this.into.addAll(this.keys, this.from, this.indexes, this.size);
			this.size = 0;
		}

	}

	private long[] tagSetAttributes(int tagSet) {
		long[] known = this.tagSetAttributes.get(tagSet);
		if (known == null) {
			Map<String, String> tags = java.util.Objects.requireNonNull(this.tagSetContent.get(tagSet));
			long[] values = new long[tags.size()];
			int i = 0;
			for (Map.Entry<String, String> tag : tags.entrySet()) {
				values[i++] = attributeValue("tag:" + tag.getKey(), kept(tag.getKey(), tag.getValue()));
			}
			this.tagSetAttributes.set(tagSet, values);
			known = values;
		}
		return known;
	}

	private long attributeValue(String attribute, String value) {
		List<String> pair = List.of(attribute, value);
		Integer known = this.attributeValues.get(pair);
		if (known == null) {
			known = this.attributeValueNames.size();
			this.attributeValues.put(pair, known);
			this.attributeValueNames.add(pair);
		}
		return known;
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

	/**
	 * Stores the day sums, then the month sums computed from them.
	 * @param dimensions the file's attribute combinations by file-local number
	 * @param dimensionIds their ids by file-local number
	 */
	void store(Connection connection, UUID job, List<Dimension> dimensions, long[] dimensionIds) throws SQLException {
		this.pending.addTo(this.days, this.tagSets, TAG_SET_SUMS_LIMIT, this::expandTagSets);
		expandTagSets();
		Expansion expansion = new Expansion(this.attributes, this.days);
		this.days.forEach((key, index) -> {
			Dimension dimension = dimensions.get((int) ((key >>> 3) & ((1L << 39) - 1)));
			long currencyAndQuality = currency(dimension.currency()) << 3 | (key & 7);
			for (String[] attribute : dimension.attributes()) {
				expansion.add((key >>> 42) << 42 | attributeValue(attribute[0], attribute[1]) << 8 | currencyAndQuality,
						index);
			}
		});
		expansion.end();
		this.days.encode(4, (key, out) -> {
			out.putUuid(job);
			out.putDate((key >>> 42) - DAY_OFFSET);
			out.putInt8(dimensionIds[(int) ((key >>> 3) & ((1L << 39) - 1))]);
			out.putInt2((int) (key & 7));
		}).copyTo(connection, "footprint_rollup_day");
		this.attributes.encode(6, (key, out) -> {
			List<String> pair = this.attributeValueNames.get((int) ((key >>> 8) & ((1L << 34) - 1)));
			out.putUuid(job);
			out.putDate((key >>> 42) - DAY_OFFSET);
			out.putText(pair.get(0));
			out.putText(pair.get(1));
			out.putText(this.currencyNames.get((int) ((key >>> 3) & 31)));
			out.putInt2((int) (key & 7));
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

}
