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
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.SourceRow;
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

	/** The largest of each slot's unit impacts' values ({@link #maximum}). */
	private double[] sameMaxima = new double[1024];

	/** The unit impacts last handed out, and the largest of their values. */
	private @Nullable ImpactLine lastUnit;

	private double lastMaximum;

	private int sameSize;

	/** The parts of the row being calculated, reused from row to row. */
	private final Object[] rowParts = new Object[6];

	/** The line's impacts: its unit's ({@link #unit}) scaled by its quantity. */
	ImpactLine calculate(ActivityRecord activity) {
		Usage usage = activity.usage();
		ImpactLine one = unitImpacts(usage, activity.location(), activity.periodStart(), activity.periodEnd(),
				activity.source());
		return (usage instanceof Usage.Spend) ? one : scaled(one, quantity(usage));
	}

	/**
	 * The impacts of one unit ({@link #unit}) of a line's usage, or the line's own
	 * impacts when its usage is not scaled (spend; {@link #scale} is then 1): the line's
	 * impacts are these times {@link #scale}, which {@link #checkScaled} checks as the
	 * value types would. Lines of billing files are purchased cloud services: the engine
	 * is given scope 3, category 1, and no attribution.
	 * @param source the line's row, for the engine
	 */
	ImpactLine unitImpacts(Usage usage, Location location, LocalDate start, LocalDate end, @Nullable SourceRow source) {
		Object[] row = this.rowParts;
		int count = parts(usage, location, row);
		long day = start.toEpochDay();
		int hash = 0;
		if (count > 0) {
			hash = hash(row, count, day);
			@Nullable Object[][] keys = this.sameParts;
			int mask = keys.length - 1;
			int slot = (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 8 & mask;
			for (Object[] known = keys[slot]; known != null; known = keys[slot]) {
				if (this.sameDays[slot] == day && same(known, row, count)) {
					this.lastMaximum = this.sameMaxima[slot];
					this.lastUnit = this.sameImpacts[slot];
					return this.sameImpacts[slot];
				}
				slot = (slot + 1) & mask;
			}
		}
		return calculated(usage, location, start, end, source, count, day, hash);
	}

	/** A unit calculated (or found by value), remembered by its parts' identities. */
	private ImpactLine calculated(Usage usage, Location location, LocalDate start, LocalDate end,
			@Nullable SourceRow source, int count, long day, int hash) {
		Usage unit = unit(usage);
		if (unit == null) {
			return last(this.engine.calculate(
					new ActivityRecord(usage, start, end, location, Scope.SCOPE_3_CATEGORY_1, Map.of(), source)));
		}
		Key key = new Key(unit, location, start);
		ImpactLine one = this.perUnit.get(key);
		if (one == null) {
			one = this.engine
				.calculate(new ActivityRecord(unit, start, end, location, Scope.SCOPE_3_CATEGORY_1, Map.of(), source));
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
			insert(Arrays.copyOf(this.rowParts, count), day, hash, one, maximum(one));
		}
		return last(one);
	}

	private ImpactLine last(ImpactLine unit) {
		this.lastUnit = unit;
		this.lastMaximum = maximum(unit);
		return unit;
	}

	private void insert(Object[] parts, long day, int hash, ImpactLine one, double maximum) {
		@Nullable Object[][] keys = this.sameParts;
		int mask = keys.length - 1;
		int slot = (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 8 & mask;
		while (keys[slot] != null) {
			slot = (slot + 1) & mask;
		}
		keys[slot] = parts;
		this.sameDays[slot] = day;
		this.sameImpacts[slot] = one;
		this.sameMaxima[slot] = maximum;
		this.sameSize++;
	}

	private void rehash() {
		@Nullable Object[][] oldParts = this.sameParts;
		long[] oldDays = this.sameDays;
		ImpactLine[] oldImpacts = this.sameImpacts;
		double[] oldMaxima = this.sameMaxima;
		this.sameParts = new Object[oldParts.length * 2][];
		this.sameDays = new long[oldParts.length * 2];
		this.sameImpacts = new ImpactLine[oldParts.length * 2];
		this.sameMaxima = new double[oldParts.length * 2];
		this.sameSize = 0;
		for (int slot = 0; slot < oldParts.length; slot++) {
			Object[] parts = oldParts[slot];
			if (parts != null) {
				insert(parts, oldDays[slot], hash(parts, parts.length, oldDays[slot]), oldImpacts[slot],
						oldMaxima[slot]);
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
		// tests of the exact class (the records are final) rather than a pattern switch:
		// this runs for every line, and the switch's dispatch cost more than the rest
		Class<?> kind = usage.getClass();
		if (kind == Usage.VcpuHours.class) {
			Usage.VcpuHours v = (Usage.VcpuHours) usage;
			parts[0] = Usage.VcpuHours.class;
			parts[1] = v.microarchitecture();
			parts[2] = v.utilization();
			parts[3] = v.instance();
			parts[4] = location;
			return 5;
		}
		if (kind == Usage.MemoryHours.class || kind == Usage.NetworkTransfer.class) {
			parts[0] = kind;
			parts[1] = location;
			return 2;
		}
		if (kind == Usage.StorageHours.class) {
			Usage.StorageHours s = (Usage.StorageHours) usage;
			parts[0] = Usage.StorageHours.class;
			parts[1] = s.type();
			parts[2] = s.replicationFactor();
			parts[3] = s.service();
			parts[4] = location;
			return 5;
		}
		if (kind == Usage.AcceleratorHours.class) {
			Usage.AcceleratorHours a = (Usage.AcceleratorHours) usage;
			parts[0] = Usage.AcceleratorHours.class;
			parts[1] = a.model();
			parts[2] = a.averagePower();
			parts[3] = a.utilization();
			parts[4] = Boolean.valueOf(a.inCloudInstance());
			parts[5] = location;
			return 6;
		}
		if (kind == Usage.MeasuredEnergy.class) {
			parts[0] = Usage.MeasuredEnergy.class;
			parts[1] = Boolean.valueOf(((Usage.MeasuredEnergy) usage).facilityLevel());
			parts[2] = location;
			return 3;
		}
		// service units and spend
		return 0;
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
		// the two kinds of nearly every line by exact class first (the records are
		// final): cheaper than the pattern switch, which this runs for every line
		Class<?> kind = usage.getClass();
		if (kind == Usage.VcpuHours.class) {
			return ((Usage.VcpuHours) usage).hours().hours();
		}
		if (kind == Usage.MemoryHours.class) {
			Usage.MemoryHours m = (Usage.MemoryHours) usage;
			return m.size().gigabytes() * m.hours().hours();
		}
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

	/**
	 * What {@link #unitImpacts} are multiplied by for the line: its {@link #quantity}, or
	 * 1 for spend (not scaled).
	 */
	static double scale(Usage usage) {
		return (usage.getClass() == Usage.Spend.class) ? 1 : quantity(usage);
	}

	/**
	 * Checks that the unit impacts times the scale are quantities, as constructing them
	 * ({@link #scaled}) would, with the same error; without constructing them when they
	 * are. The unit's values are quantities (finite, not negative) and a product's
	 * rounding keeps their order, so all products are when the largest value's is.
	 */
	void checkScaled(ImpactLine one, double scale) {
		double maximum = (one == this.lastUnit) ? this.lastMaximum : maximum(one);
		if (!(scale >= 0 && quantity(maximum * scale))) {
			// the value types say what is wrong
			scaled(one, scale);
		}
	}

	/** The largest of the values {@link #scaled} multiplies. */
	private static double maximum(ImpactLine one) {
		double maximum = Math.max(one.itEnergy().kilowattHours(), one.facilityEnergy().kilowattHours());
		maximum = Math.max(maximum, one.locationBased().kilograms());
		maximum = Math.max(maximum, one.marketBased().kilograms());
		maximum = Math.max(maximum, one.embodied().kilograms());
		maximum = Math.max(maximum, one.waterOnSite().liters());
		maximum = Math.max(maximum, one.waterOffSite().liters());
		maximum = Math.max(maximum, one.embodiedRange().low().kilograms());
		return Math.max(maximum, one.embodiedRange().high().kilograms());
	}

	/** Whether a value is finite and not negative (false for NaN). */
	private static boolean quantity(double value) {
		return value >= 0 && value < Double.POSITIVE_INFINITY;
	}

	static ImpactLine scaled(ImpactLine one, double quantity) {
		return new ImpactLine(one.itEnergy().times(quantity), one.facilityEnergy().times(quantity),
				one.locationBased().times(quantity), one.marketBased().times(quantity), one.marketFallsBackToLocation(),
				one.embodied().times(quantity), WaterVolume.ofLiters(one.waterOnSite().liters() * quantity),
				WaterVolume.ofLiters(one.waterOffSite().liters() * quantity), one.scope(), one.quality(), one.factors(),
				one.methodVersion(), one.embodiedRange().times(quantity));
	}

	private record Key(Usage unit, Location location, LocalDate day) {
	}

}
