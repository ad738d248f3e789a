package org.greenledger.core.billing;

import org.jspecify.annotations.Nullable;

/**
 * What a mapper found lately for a pair of instances (a region cell and a provider, an
 * instance type's name and where it was found), by their identities: a direct-mapped
 * table where each pair has one slot, replaced by the next pair for the same slot. Rows
 * repeat the same few cells, read as the same instances, so a value is found without
 * hashing or comparing the cells' texts; the caller finds it by value otherwise. One
 * thread.
 *
 * @param <V> the values
 */
final class RecentPairs<V> {

	private static final int SLOTS = 256;

	private final @Nullable Object[] firsts = new Object[SLOTS];

	private final @Nullable Object[] seconds = new Object[SLOTS];

	private final @Nullable Object[] values = new Object[SLOTS];

	/** The value put for the very same two instances, or null. */
	@SuppressWarnings("unchecked")
	@Nullable V get(Object first, Object second) {
		int slot = slot(first, second);
		return (this.firsts[slot] == first && this.seconds[slot] == second) ? (V) this.values[slot] : null;
	}

	void put(Object first, Object second, V value) {
		int slot = slot(first, second);
		this.firsts[slot] = first;
		this.seconds[slot] = second;
		this.values[slot] = value;
	}

	private static int slot(Object first, Object second) {
		int hash = System.identityHashCode(first) * 31 + System.identityHashCode(second);
		return (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 24 & (SLOTS - 1);
	}

}
