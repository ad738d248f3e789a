package org.greenledger.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

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

	/**
	 * The numbers of the instances seen, by identity (when {@code sharedInstances}): an
	 * open-addressing table of instances and numbers, without boxing.
	 */
	private @Nullable Object[] instances = new Object[1024];

	private int[] instanceNumbers = new int[1024];

	private int instanceCount;

	/** The instance numbered last, and its number. */
	private @Nullable Object lastInstance;

	private int lastNumber;

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
		return this.sharedInstances ? number(value, NEVER) : byValue(value);
	}

	private static final Predicate<Object> NEVER = (value) -> false;

	/**
	 * The value's number, or -1 when it is {@code absent} (an empty tag set): where
	 * instances are shared, tested once per instance, and the instance's number found
	 * without looking at the value.
	 */
	int number(T value, Predicate<? super T> absent) {
		if (!this.sharedInstances) {
			return absent.test(value) ? -1 : byValue(value);
		}
		if (value == this.lastInstance) {
			return this.lastNumber;
		}
		@Nullable Object[] instances = this.instances;
		int mask = instances.length - 1;
		int slot = slot(value, mask);
		for (Object known = instances[slot]; known != null; known = instances[slot]) {
			if (known == value) {
				this.lastInstance = value;
				this.lastNumber = this.instanceNumbers[slot];
				return this.lastNumber;
			}
			slot = (slot + 1) & mask;
		}
		int number = absent.test(value) ? -1 : byValue(value);
		if (this.instanceCount >= INSTANCES) {
			java.util.Arrays.fill(instances, null);
			this.instanceCount = 0;
			slot = slot(value, mask);
		}
		else if ((this.instanceCount + 1) * 2 > instances.length) {
			growInstances();
			mask = this.instances.length - 1;
			slot = slot(value, mask);
			while (this.instances[slot] != null) {
				slot = (slot + 1) & mask;
			}
		}
		this.instances[slot] = value;
		this.instanceNumbers[slot] = number;
		this.instanceCount++;
		this.lastInstance = value;
		this.lastNumber = number;
		return number;
	}

	private static int slot(Object instance, int mask) {
		int hash = System.identityHashCode(instance);
		return (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 8 & mask;
	}

	private void growInstances() {
		@Nullable Object[] old = this.instances;
		int[] oldNumbers = this.instanceNumbers;
		@Nullable Object[] instances = new Object[old.length * 2];
		int[] numbers = new int[old.length * 2];
		int mask = instances.length - 1;
		for (int i = 0; i < old.length; i++) {
			Object instance = old[i];
			if (instance != null) {
				int slot = slot(instance, mask);
				while (instances[slot] != null) {
					slot = (slot + 1) & mask;
				}
				instances[slot] = instance;
				numbers[slot] = oldNumbers[i];
			}
		}
		this.instances = instances;
		this.instanceNumbers = numbers;
	}

	private int byValue(T value) {
		Integer number = this.numbers.get(value);
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
