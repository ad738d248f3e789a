package org.greenledger.ledger;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.SourceLine;

/**
 * Finds the number of a row's attribute combination ({@link Dimension}) from the row's
 * own cells, without building the combination: the row before's first, then a table of
 * the file's combinations by their parts. Readers hand out the same instance for a
 * repeated cell, so parts are compared by identity first and by value only when the
 * instances differ; the numbers are those of {@link Numbered}, which sees every new
 * combination in the order of the rows.
 */
final class DimensionNumbers {

	/** The parts of a combination that vary between rows (the org unit is the file's). */
	private static final int PARTS = 9;

	private final Numbered<Dimension> numbered;

	private final @Nullable String orgUnit;

	/** Each slot's parts, {@link #PARTS} per slot. */
	private @Nullable String[] parts = new String[PARTS * 256];

	/** Each slot's number, or -1 when the slot is free. */
	private int[] numbers = emptyNumbers(256);

	private int size;

	private final @Nullable String[] last = new String[PARTS];

	private int lastNumber = -1;

	DimensionNumbers(Numbered<Dimension> numbered, @Nullable String orgUnit) {
		this.numbered = numbered;
		this.orgUnit = orgUnit;
	}

	private static int[] emptyNumbers(int slots) {
		int[] numbers = new int[slots];
		java.util.Arrays.fill(numbers, -1);
		return numbers;
	}

	/**
	 * @param line the row's first line
	 * @param scope the row's scope, or null for a cost-only row
	 */
	int number(SourceLine line, @Nullable String scope) {
		String account = line.accountId();
		String region = line.region();
		String service = line.service();
		String provider = line.provider();
		String category = line.serviceCategory();
		String charge = line.chargeCategory();
		String currency = line.currency();
		String reason = line.costOnlyReason();
		String[] last = this.last;
		if (this.lastNumber >= 0 && account == last[0] && region == last[1] && service == last[2] && provider == last[3]
				&& category == last[4] && charge == last[5] && currency == last[6] && scope == last[7]
				&& reason == last[8]) {
			return this.lastNumber;
		}
		int[] numbers = this.numbers;
		@Nullable String[] parts = this.parts;
		int mask = numbers.length - 1;
		int slot = slot(account, region, service, provider, category, charge, currency, scope, reason, mask);
		while (true) {
			int number = numbers[slot];
			if (number < 0) {
				number = insert(slot, line, scope);
				break;
			}
			int at = slot * PARTS;
			if (same(parts[at], account) && same(parts[at + 1], region) && same(parts[at + 2], service)
					&& same(parts[at + 3], provider) && same(parts[at + 4], category) && same(parts[at + 5], charge)
					&& same(parts[at + 6], currency) && same(parts[at + 7], scope) && same(parts[at + 8], reason)) {
				break;
			}
			slot = (slot + 1) & mask;
		}
		last[0] = account;
		last[1] = region;
		last[2] = service;
		last[3] = provider;
		last[4] = category;
		last[5] = charge;
		last[6] = currency;
		last[7] = scope;
		last[8] = reason;
		this.lastNumber = numbers[slot];
		return this.lastNumber;
	}

	private int insert(int slot, SourceLine line, @Nullable String scope) {
		Dimension dimension = Dimension.of(line, this.orgUnit, scope);
		int number = this.numbered.number(dimension);
		put(this.parts, this.numbers, slot, dimension, number);
		this.size++;
		if (this.size * 2 > this.numbers.length) {
			rehash();
		}
		return number;
	}

	private static void put(@Nullable String[] parts, int[] numbers, int slot, Dimension dimension, int number) {
		int at = slot * PARTS;
		parts[at] = dimension.accountId();
		parts[at + 1] = dimension.region();
		parts[at + 2] = dimension.service();
		parts[at + 3] = dimension.provider();
		parts[at + 4] = dimension.serviceCategory();
		parts[at + 5] = dimension.chargeCategory();
		parts[at + 6] = dimension.currency();
		parts[at + 7] = dimension.scope();
		parts[at + 8] = dimension.costOnlyReason();
		numbers[slot] = number;
	}

	/**
	 * Rebuilds the table twice as large from {@link Numbered}'s values (the slots' parts
	 * are theirs).
	 */
	private void rehash() {
		int slots = this.numbers.length * 2;
		@Nullable String[] parts = new String[PARTS * slots];
		int[] numbers = emptyNumbers(slots);
		int mask = slots - 1;
		for (int number = 0; number < this.numbered.size(); number++) {
			Dimension dimension = this.numbered.value(number);
			int slot = slot(dimension.accountId(), dimension.region(), dimension.service(), dimension.provider(),
					dimension.serviceCategory(), dimension.chargeCategory(), dimension.currency(), dimension.scope(),
					dimension.costOnlyReason(), mask);
			while (numbers[slot] >= 0) {
				slot = (slot + 1) & mask;
			}
			put(parts, numbers, slot, dimension, number);
		}
		this.parts = parts;
		this.numbers = numbers;
	}

	/**
	 * The first slot to probe for a combination's parts, in a table of {@code mask + 1}.
	 */
	private static int slot(@Nullable String account, @Nullable String region, @Nullable String service,
			@Nullable String provider, @Nullable String category, String charge, @Nullable String currency,
			@Nullable String scope, @Nullable String reason, int mask) {
		int hash = hash(account);
		hash = 31 * hash + hash(region);
		hash = 31 * hash + hash(service);
		hash = 31 * hash + hash(provider);
		hash = 31 * hash + hash(category);
		hash = 31 * hash + charge.hashCode();
		hash = 31 * hash + hash(currency);
		hash = 31 * hash + hash(scope);
		hash = 31 * hash + hash(reason);
		return (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 8 & mask;
	}

	private static int hash(@Nullable String value) {
		return (value != null) ? value.hashCode() : 0;
	}

	private static boolean same(@Nullable String known, @Nullable String value) {
		return known == value || (known != null && known.equals(value));
	}

}
