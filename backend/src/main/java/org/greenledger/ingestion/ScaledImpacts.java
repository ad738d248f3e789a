package org.greenledger.ingestion;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.footprint.WaterVolume;

/**
 * Impacts of a file's lines, calculated once per unit of each kind of usage, location and
 * day and scaled by the line's quantity: every formula of the engine is proportional to
 * the quantity (hours, GB-hours, TB-hours, GB, kWh), and a billing file repeats the same
 * few instance types, regions and days on millions of rows. The factors, tier and scope
 * are those of the unit calculation, which is the engine's own.
 */
final class ScaledImpacts {

	private static final int MAX_ENTRIES = 100_000;

	private final FootprintEngine engine;

	private final Map<Key, ImpactLine> perUnit = new HashMap<>();

	ScaledImpacts(FootprintEngine engine) {
		this.engine = engine;
	}

	/**
	 * The same unit impacts found by the identity of what they depend on: a file's rows
	 * share the instances of their usage's descriptive parts and locations, so most rows
	 * are found without comparing values. An open-addressing table: per slot the parts
	 * ({@link #parts}), the day and the unit impacts.
	 */
	private @Nullable Object[][] sameParts = new Object[1024][];

	private long[] sameDays = new long[1024];

	private ImpactLine[] sameImpacts = new ImpactLine[1024];

	private int sameSize;

	/** The parts of the row being calculated, reused from row to row. */
	private final Object[] rowParts = new Object[6];

	ImpactLine calculate(ActivityRecord activity) {
		Usage usage = activity.usage();
		Object[] row = this.rowParts;
		int count = parts(usage, activity.location(), row);
		long day = activity.periodStart().toEpochDay();
		int hash = 0;
		if (count > 0) {
			hash = hash(row, count, day);
			@Nullable Object[][] keys = this.sameParts;
			int mask = keys.length - 1;
			int slot = (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 8 & mask;
			for (Object[] known = keys[slot]; known != null; known = keys[slot]) {
				if (this.sameDays[slot] == day && same(known, row, count)) {
					return scaled(this.sameImpacts[slot], quantity(usage));
				}
				slot = (slot + 1) & mask;
			}
		}
		Usage unit = unit(usage);
		if (unit == null) {
			return this.engine.calculate(activity);
		}
		Key key = new Key(unit, activity.location(), activity.periodStart());
		ImpactLine one = this.perUnit.get(key);
		if (one == null) {
			one = this.engine.calculate(new ActivityRecord(unit, activity.periodStart(), activity.periodEnd(),
					activity.location(), activity.scope(), activity.attribution(), activity.source()));
			if (this.perUnit.size() >= MAX_ENTRIES) {
				this.perUnit.clear();
			}
			this.perUnit.put(key, one);
		}
		if (count > 0) {
			if (this.sameSize >= MAX_ENTRIES) {
				Arrays.fill(this.sameParts, null);
				Arrays.fill(this.sameImpacts, null);
				this.sameSize = 0;
			}
			else if ((this.sameSize + 1) * 2 > this.sameParts.length) {
				rehash();
			}
			insert(Arrays.copyOf(row, count), day, hash, one);
		}
		return scaled(one, quantity(usage));
	}

	private void insert(Object[] parts, long day, int hash, ImpactLine one) {
		@Nullable Object[][] keys = this.sameParts;
		int mask = keys.length - 1;
		int slot = (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 8 & mask;
		while (keys[slot] != null) {
			slot = (slot + 1) & mask;
		}
		keys[slot] = parts;
		this.sameDays[slot] = day;
		this.sameImpacts[slot] = one;
		this.sameSize++;
	}

	private void rehash() {
		@Nullable Object[][] oldParts = this.sameParts;
		long[] oldDays = this.sameDays;
		ImpactLine[] oldImpacts = this.sameImpacts;
		this.sameParts = new Object[oldParts.length * 2][];
		this.sameDays = new long[oldParts.length * 2];
		this.sameImpacts = new ImpactLine[oldParts.length * 2];
		this.sameSize = 0;
		for (int slot = 0; slot < oldParts.length; slot++) {
			Object[] parts = oldParts[slot];
			if (parts != null) {
				insert(parts, oldDays[slot], hash(parts, parts.length, oldDays[slot]), oldImpacts[slot]);
			}
		}
	}

	/** A hash of the day and of the identities of the first {@code count} parts. */
	private static int hash(Object[] parts, int count, long day) {
		int hash = Long.hashCode(day);
		for (int i = 0; i < count; i++) {
			hash = 31 * hash + System.identityHashCode(parts[i]);
		}
		return hash;
	}

	private static boolean same(Object[] known, Object[] row, int count) {
		if (known.length != count) {
			return false;
		}
		for (int i = 0; i < count; i++) {
			if (known[i] != row[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Writes what a usage's unit ({@link #unit}) is made of, with the location, into
	 * {@code parts}: equal to another's only when they hold the very same instances (so
	 * equal units).
	 * @return how many parts, or 0 for a usage that is not found by its parts
	 */
	private static int parts(Usage usage, Location location, Object[] parts) {
		switch (usage) {
			case Usage.VcpuHours v -> {
				parts[0] = Usage.VcpuHours.class;
				parts[1] = v.microarchitecture();
				parts[2] = v.utilization();
				parts[3] = v.instance();
				parts[4] = location;
				return 5;
			}
			case Usage.MemoryHours m -> {
				parts[0] = Usage.MemoryHours.class;
				parts[1] = location;
				return 2;
			}
			case Usage.StorageHours s -> {
				parts[0] = Usage.StorageHours.class;
				parts[1] = s.type();
				parts[2] = s.replicationFactor();
				parts[3] = s.service();
				parts[4] = location;
				return 5;
			}
			case Usage.NetworkTransfer n -> {
				parts[0] = Usage.NetworkTransfer.class;
				parts[1] = location;
				return 2;
			}
			case Usage.AcceleratorHours a -> {
				parts[0] = Usage.AcceleratorHours.class;
				parts[1] = a.model();
				parts[2] = a.averagePower();
				parts[3] = a.utilization();
				parts[4] = Boolean.valueOf(a.inCloudInstance());
				parts[5] = location;
				return 6;
			}
			case Usage.MeasuredEnergy e -> {
				parts[0] = Usage.MeasuredEnergy.class;
				parts[1] = Boolean.valueOf(e.facilityLevel());
				parts[2] = location;
				return 3;
			}
			case Usage.ServiceUnits u -> {
				return 0;
			}
			case Usage.Spend s -> {
				return 0;
			}
		}
	}

	/** The same usage for one unit of its quantity, or null when not scaled. */
	static Usage unit(Usage usage) {
		return switch (usage) {
			case Usage.VcpuHours v ->
				new Usage.VcpuHours(TimeSpan.ofHours(1), v.microarchitecture(), v.utilization(), v.instance());
			case Usage.MemoryHours m -> new Usage.MemoryHours(DataSize.ofGigabytes(1), TimeSpan.ofHours(1));
			case Usage.StorageHours s -> new Usage.StorageHours(DataSize.ofTerabytes(1), TimeSpan.ofHours(1), s.type(),
					s.replicationFactor(), s.service());
			case Usage.NetworkTransfer n -> new Usage.NetworkTransfer(DataSize.ofGigabytes(1));
			case Usage.AcceleratorHours a -> new Usage.AcceleratorHours(TimeSpan.ofHours(1), a.model(),
					a.averagePower(), a.utilization(), a.inCloudInstance());
			case Usage.MeasuredEnergy e -> new Usage.MeasuredEnergy(Energy.ofKilowattHours(1), e.facilityLevel());
			case Usage.ServiceUnits u -> new Usage.ServiceUnits(1, u.key());
			case Usage.Spend s -> null;
		};
	}

	/** How many units of {@link #unit} the usage is. */
	static double quantity(Usage usage) {
		return switch (usage) {
			case Usage.VcpuHours v -> v.hours().hours();
			case Usage.MemoryHours m -> m.size().gigabytes() * m.hours().hours();
			case Usage.StorageHours s -> s.size().terabytes() * s.hours().hours();
			case Usage.NetworkTransfer n -> n.transferred().gigabytes();
			case Usage.AcceleratorHours a -> a.hours().hours();
			case Usage.MeasuredEnergy e -> e.energy().kilowattHours();
			case Usage.ServiceUnits u -> u.quantity();
			case Usage.Spend s -> throw new IllegalArgumentException("Spend is not scaled");
		};
	}

	private static ImpactLine scaled(ImpactLine one, double quantity) {
		return new ImpactLine(one.itEnergy().times(quantity), one.facilityEnergy().times(quantity),
				one.locationBased().times(quantity), one.marketBased().times(quantity), one.marketFallsBackToLocation(),
				one.embodied().times(quantity), WaterVolume.ofLiters(one.waterOnSite().liters() * quantity),
				WaterVolume.ofLiters(one.waterOffSite().liters() * quantity), one.scope(), one.quality(), one.factors(),
				one.methodVersion(), one.embodiedRange().times(quantity));
	}

	private record Key(Usage unit, Location location, LocalDate day) {
	}

}
