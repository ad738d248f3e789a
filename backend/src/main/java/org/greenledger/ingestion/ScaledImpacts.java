package org.greenledger.ingestion;

import java.time.LocalDate;
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
	 * are found without comparing values.
	 */
	private final Map<SameParts, ImpactLine> byInstance = new HashMap<>();

	ImpactLine calculate(ActivityRecord activity) {
		Usage usage = activity.usage();
		SameParts parts = SameParts.of(usage, activity.location(), activity.periodStart());
		if (parts != null) {
			ImpactLine known = this.byInstance.get(parts);
			if (known != null) {
				return scaled(known, quantity(usage));
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
		if (parts != null) {
			if (this.byInstance.size() >= MAX_ENTRIES) {
				this.byInstance.clear();
			}
			this.byInstance.put(parts, one);
		}
		return scaled(one, quantity(usage));
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

	/**
	 * What a usage's unit ({@link #unit}) is made of, with the location and day; equal to
	 * another only when it holds the very same instances (so equal units).
	 */
	private static final class SameParts {

		private final Object[] parts;

		private final long day;

		private final int hash;

		private SameParts(long day, Object... parts) {
			this.parts = parts;
			this.day = day;
			int hash = Long.hashCode(day);
			for (Object part : parts) {
				hash = 31 * hash + System.identityHashCode(part);
			}
			this.hash = hash;
		}

		/** The parts of a scaled usage, or null for one that is not scaled. */
		static @Nullable SameParts of(Usage usage, Location location, LocalDate start) {
			long day = start.toEpochDay();
			return switch (usage) {
				case Usage.VcpuHours v -> new SameParts(day, Usage.VcpuHours.class, v.microarchitecture(),
						v.utilization(), v.instance(), location);
				case Usage.MemoryHours m -> new SameParts(day, Usage.MemoryHours.class, location);
				case Usage.StorageHours s -> new SameParts(day, Usage.StorageHours.class, s.type(),
						s.replicationFactor(), s.service(), location);
				case Usage.NetworkTransfer n -> new SameParts(day, Usage.NetworkTransfer.class, location);
				case Usage.AcceleratorHours a -> new SameParts(day, Usage.AcceleratorHours.class, a.model(),
						a.averagePower(), a.utilization(), Boolean.valueOf(a.inCloudInstance()), location);
				case Usage.MeasuredEnergy e ->
					new SameParts(day, Usage.MeasuredEnergy.class, Boolean.valueOf(e.facilityLevel()), location);
				case Usage.ServiceUnits u -> null;
				case Usage.Spend s -> null;
			};
		}

		@Override
		public boolean equals(Object other) {
			if (!(other instanceof SameParts that) || that.day != this.day || that.parts.length != this.parts.length) {
				return false;
			}
			for (int i = 0; i < this.parts.length; i++) {
				if (this.parts[i] != that.parts[i]) {
					return false;
				}
			}
			return true;
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
