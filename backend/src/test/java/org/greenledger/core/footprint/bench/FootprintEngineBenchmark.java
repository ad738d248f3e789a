package org.greenledger.core.footprint.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.factors.TestFactorLibraries;
import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.footprint.Utilization;

/**
 * Engine throughput on one core over a realistic mix of cloud activity records (vCPU,
 * memory, storage, GPU, network and metered energy across AWS, Google Cloud and Azure
 * regions), with the shipped factor library. {@code reference} touches the same records
 * with one multiplication each: the floor any calculation over them costs, measured in
 * the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
@Threads(1)
public class FootprintEngineBenchmark {

	static final int RECORDS = 10_000;

	private static final List<Location> REGIONS = List.of(new Location.CloudRegion("aws", "us-east-1"),
			new Location.CloudRegion("aws", "eu-west-1"), new Location.CloudRegion("aws", "ap-northeast-1"),
			new Location.CloudRegion("gcp", "us-central1"), new Location.CloudRegion("gcp", "europe-west4"),
			new Location.CloudRegion("azure", "westeurope"), new Location.CloudRegion("azure", "eastus"));

	private static final List<String> CPUS = List.of("Cascade Lake", "Skylake", "EPYC 2nd Gen", "EPYC 3rd Gen",
			"Graviton2", "Broadwell");

	private static final List<String> GPUS = List.of("A100-40GB", "H100-SXM", "L4", "T4", "A10G");

	private ActivityRecord[] records;

	private FootprintEngine engine;

	@Setup
	public void setUp() {
		this.engine = new FootprintEngine(new LibraryFactorLookup(TestFactorLibraries.shipped()));
		this.records = mix(RECORDS, 42);
	}

	@Benchmark
	@OperationsPerInvocation(RECORDS)
	public void engine(Blackhole blackhole) {
		for (ActivityRecord record : this.records) {
			ImpactLine line = this.engine.calculate(record);
			blackhole.consume(line);
		}
	}

	@Benchmark
	@OperationsPerInvocation(RECORDS)
	public void reference(Blackhole blackhole) {
		for (ActivityRecord record : this.records) {
			double quantity = switch (record.usage()) {
				case Usage.VcpuHours vcpu -> vcpu.hours().hours();
				case Usage.MemoryHours memory -> memory.size().gigabytes();
				case Usage.StorageHours storage -> storage.size().terabytes();
				case Usage.AcceleratorHours gpu -> gpu.hours().hours();
				case Usage.NetworkTransfer network -> network.transferred().gigabytes();
				case Usage.MeasuredEnergy energy -> energy.energy().kilowattHours();
				case Usage.ServiceUnits units -> units.quantity();
				case Usage.Spend spend -> spend.amount().amount().doubleValue();
			};
			blackhole.consume(quantity * 0.4);
		}
	}

	/**
	 * A reproducible mix: 40 % vCPU, 20 % memory, 15 % storage, 10 % GPU, 10 % network, 5
	 * % metered.
	 */
	static ActivityRecord[] mix(int count, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		ActivityRecord[] records = new ActivityRecord[count];
		for (int i = 0; i < count; i++) {
			int pick = random.nextInt(100);
			Usage usage;
			if (pick < 40) {
				usage = new Usage.VcpuHours(TimeSpan.ofHours(1 + random.nextInt(96)),
						CPUS.get(random.nextInt(CPUS.size())),
						random.nextBoolean() ? Utilization.of(random.nextDouble()) : null);
			}
			else if (pick < 60) {
				usage = new Usage.MemoryHours(DataSize.ofGigabytes(4 + random.nextInt(512)), TimeSpan.ofHours(24));
			}
			else if (pick < 75) {
				usage = new Usage.StorageHours(DataSize.ofTerabytes(random.nextDouble() * 10), TimeSpan.ofHours(24),
						random.nextBoolean() ? StorageType.SSD : StorageType.HDD, null);
			}
			else if (pick < 85) {
				usage = new Usage.AcceleratorHours(TimeSpan.ofHours(1 + random.nextInt(24)),
						GPUS.get(random.nextInt(GPUS.size())), null, Utilization.of(random.nextDouble()));
			}
			else if (pick < 95) {
				usage = new Usage.NetworkTransfer(DataSize.ofGigabytes(random.nextDouble() * 1000));
			}
			else {
				usage = new Usage.MeasuredEnergy(Energy.ofKilowattHours(random.nextDouble() * 100), false);
			}
			LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366));
			records[i] = new ActivityRecord(usage, day, day, REGIONS.get(random.nextInt(REGIONS.size())),
					org.greenledger.core.footprint.Scope.SCOPE_3_CATEGORY_1, Map.of("team", "t" + random.nextInt(20)),
					null);
		}
		return records;
	}

}
