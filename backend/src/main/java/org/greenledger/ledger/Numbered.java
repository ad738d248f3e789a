package org.greenledger.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One file's distinct values (attribute combinations, tag sets), numbered in the order
 * first seen, each with its content id. Where readers hand out the same instance for the
 * same value (parsed JSON cells), an identity lookup can come first.
 *
 * @param <T> the values
 */
final class Numbered<T> {

	private static final int INSTANCES = 100_000;

	private final Function<T, String> canonical;

	private final Map<T, Integer> numbers = new HashMap<>();

	private final boolean sharedInstances;

	private final Map<T, Integer> byInstance = new IdentityHashMap<>();

	private final List<T> values = new ArrayList<>();

	private final List<ContentIds> ids = new ArrayList<>();

	/** The ids' {@link ContentIds#id()} by number, read once per row. */
	private long[] idNumbers = new long[64];

	/**
	 * @param canonical the text a value's content id is derived from
	 */
	Numbered(Function<T, String> canonical, boolean sharedInstances) {
		this.canonical = canonical;
		this.sharedInstances = sharedInstances;
	}

	int number(T value) {
		Integer number = this.sharedInstances ? this.byInstance.get(value) : null;
		if (number != null) {
			return number;
		}
		number = this.numbers.get(value);
		if (number == null) {
			number = this.values.size();
			this.numbers.put(value, number);
			this.values.add(value);
			ContentIds ids = ContentIds.of(this.canonical.apply(value));
			this.ids.add(ids);
			if (number == this.idNumbers.length) {
				this.idNumbers = java.util.Arrays.copyOf(this.idNumbers, number * 2);
			}
			this.idNumbers[number] = ids.id();
		}
		if (this.sharedInstances) {
			if (this.byInstance.size() >= INSTANCES) {
				this.byInstance.clear();
			}
			this.byInstance.put(value, number);
		}
		return number;
	}

	T value(int number) {
		return this.values.get(number);
	}

	/** The id of the value numbered {@code number}. */
	long id(int number) {
		return this.idNumbers[number];
	}

	ContentIds ids(int number) {
		return this.ids.get(number);
	}

	int size() {
		return this.values.size();
	}

	List<T> values() {
		return this.values;
	}

	/** The content ids by number. */
	long[] idArray() {
		long[] array = new long[this.ids.size()];
		for (int i = 0; i < array.length; i++) {
			array[i] = this.ids.get(i).id();
		}
		return array;
	}

}
