package org.greenledger.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Usage;

/**
 * One file's distinct factor lineages (what each row's impacts were calculated with), by
 * content id. Scaled impacts share their factor lists, so most rows are found by the
 * identity of their lines' usage kinds, factor lists and usage sources: the row before's
 * first, then a table of those instances; by content otherwise.
 */
final class Lineages {

	private static final int INSTANCES = 100_000;

	private final Map<List<Object>, ContentIds> byContent = new HashMap<>();

	private final Map<Long, String> content = new HashMap<>();

	/** Per slot: the instances (three per line), or null when free. */
	private @Nullable Object[][] keys = new Object[256][];

	private long[] ids = new long[256];

	private int size;

	/** The row's instances, reused from row to row (the first {@code 3 * lines}). */
	private Object[] row = new Object[3];

	/** The kind of a line without usage. */
	private static final Object NONE = new Object();

	private Object @Nullable [] last;

	private long lastId;

	/** The id of the lineage of a row's usage lines and their impacts. */
	long id(List<SourceLine> lines, List<ImpactLine> impacts) {
		if (lines.get(0).usage() instanceof Usage.Spend) {
			// spend estimates are not scaled: their factor lists are never shared
			return byContent(lines, impacts).id();
		}
		int length = impacts.size() * 3;
		Object[] row = (this.row.length >= length) ? this.row : (this.row = new Object[length]);
		for (int i = 0; i < impacts.size(); i++) {
			SourceLine line = lines.get(i);
			// the usage's class stands for its kind's name (Usage.typeName)
			Object kind = (line.usage() != null) ? line.usage().getClass() : NONE;
			Object factors = impacts.get(i).factors();
			Object source = line.usageSource();
			row[3 * i] = kind;
			row[3 * i + 1] = factors;
			row[3 * i + 2] = source;
		}
		Object[] last = this.last;
		if (last != null && same(last, row, length)) {
			return this.lastId;
		}
		int hash = hash(row, length);
		@Nullable Object[][] keys = this.keys;
		int mask = keys.length - 1;
		int slot = (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 8 & mask;
		while (true) {
			Object[] known = keys[slot];
			if (known == null) {
				break;
			}
			if (same(known, row, length)) {
				this.last = known;
				this.lastId = this.ids[slot];
				return this.lastId;
			}
			slot = (slot + 1) & mask;
		}
		long id = byContent(lines, impacts).id();
		if (this.size >= INSTANCES) {
			Arrays.fill(this.keys, null);
			this.size = 0;
		}
		else if ((this.size + 1) * 2 > keys.length) {
			rehash();
		}
		insert(Arrays.copyOf(row, length), hash, id);
		return id;
	}

	private void insert(Object[] key, int hash, long id) {
		@Nullable Object[][] keys = this.keys;
		int mask = keys.length - 1;
		int slot = (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 8 & mask;
		while (keys[slot] != null) {
			slot = (slot + 1) & mask;
		}
		keys[slot] = key;
		this.ids[slot] = id;
		this.size++;
		this.last = key;
		this.lastId = id;
	}

	private void rehash() {
		@Nullable Object[][] oldKeys = this.keys;
		long[] oldIds = this.ids;
		this.keys = new Object[oldKeys.length * 2][];
		this.ids = new long[oldKeys.length * 2];
		this.size = 0;
		for (int slot = 0; slot < oldKeys.length; slot++) {
			Object[] key = oldKeys[slot];
			if (key != null) {
				insert(key, hash(key, key.length), oldIds[slot]);
			}
		}
	}

	/** A hash of the identities of the first {@code length} parts. */
	private static int hash(Object[] parts, int length) {
		int hash = 1;
		for (int i = 0; i < length; i++) {
			hash = 31 * hash + System.identityHashCode(parts[i]);
		}
		return hash;
	}

	private static boolean same(Object[] known, Object[] row, int length) {
		if (known.length != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (known[i] != row[i]) {
				return false;
			}
		}
		return true;
	}

	private ContentIds byContent(List<SourceLine> lines, List<ImpactLine> impacts) {
		List<Object> key = new ArrayList<>(impacts.size() * 3 + 1);
		key.add(impacts.get(0).methodVersion());
		for (int i = 0; i < impacts.size(); i++) {
			key.add(Usage.typeName(lines.get(i).usage()));
			key.add(impacts.get(i).factors());
			key.add(String.valueOf(lines.get(i).usageSource()));
		}
		ContentIds ids = this.byContent.get(key);
		if (ids == null) {
			List<Map<String, Object>> calculations = new ArrayList<>();
			for (int i = 0; i < impacts.size(); i++) {
				Map<String, Object> calculation = new LinkedHashMap<>();
				calculation.put("usage", Usage.typeName(lines.get(i).usage()));
				calculation.put("unit", String.valueOf(lines.get(i).unit()));
				calculation.put("factors", impacts.get(i).factors());
				if (lines.get(i).usageSource() != null) {
					// where the row's usage was found (the instance type's column or
					// hint)
					calculation.put("source", lines.get(i).usageSource());
				}
				calculations.add(calculation);
			}
			String json = LedgerJson.MAPPER.writeValueAsString(calculations);
			ids = ContentIds.of(impacts.get(0).methodVersion() + "|" + json);
			this.byContent.put(key, ids);
			this.content.put(ids.id(), json);
		}
		return ids;
	}

	/** The file's lineages. */
	Collection<ContentIds> values() {
		return this.byContent.values();
	}

	/** Each lineage's JSON content by id. */
	Map<Long, String> content() {
		return this.content;
	}

}
