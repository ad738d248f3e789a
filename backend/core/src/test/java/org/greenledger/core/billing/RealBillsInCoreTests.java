package org.greenledger.core.billing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.greenledger.core.formats.BillingReaders;
import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.catalog.SpendCategories;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.FactorLibraryLoader;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.table.ParquetLimits;
import org.greenledger.core.table.ParquetTable;
import org.greenledger.core.table.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The boundary of greenledger-core: a real bill turned into activity lines with their
 * energy and CO2e by this module alone (plain Java, no Spring, no database), as a job
 * outside the application would run it. The bills are two files of the billing corpus the
 * application's tests upload (backend/src/test/resources/corpus/billing, sources and
 * licences in its SOURCES.md); their row counts and billed totals are the ones counted
 * there independently of GreenLedger's readers ({@code expected.csv}).
 */
class RealBillsInCoreTests {

	private static final Path CORPUS = Path.of("../src/test/resources/corpus/billing");

	private static final FactorLibrary LIBRARY = FactorLibraryLoader.shipped();

	@TempDir
	Path work;

	@Test
	void aFocusBillBecomesActivityLinesWhoseCostReconcilesWithTheFile() throws IOException {
		Lines lines = read("focus-1.0/focus_sample.csv");

		assertThat(lines.format).isEqualTo("FOCUS 1.0");
		assertThat(lines.rows).isEqualTo(1000);
		assertThat(lines.rejected).isEmpty();
		// expected.csv: 20.52022672899, the sum of BilledCost counted with Python's
		// decimal
		assertThat(lines.billedCost()).isEqualByComparingTo("20.52022672899");
		assertThat(lines.usageLines()).isPositive();
		assertThat(lines.usageLines() + lines.costOnlyRows()).isGreaterThanOrEqualTo(1000);
	}

	@Test
	void anAthenaCurInParquetBecomesActivityLinesWithEnergyAndCarbon() throws IOException {
		Lines lines = read("aws-cur-parquet/lambda-cost-reports_cur-part1of4.snappy.parquet");

		assertThat(lines.format).startsWith("AWS CUR");
		assertThat(lines.rows).isEqualTo(5682);
		assertThat(lines.rejected).isEmpty();
		// expected.csv: the sum of line_item_unblended_cost counted with hyparquet and
		// decimal
		assertThat(lines.billedCost().doubleValue()).isCloseTo(21485.2479088763, within(1e-6));
		// 186 EC2 instance-hour rows in this part (SOURCES.md), each at least one vCPU
		// line
		assertThat(lines.rowsWithUnit("vCPU-hours")).isGreaterThanOrEqualTo(186);
		assertThat(lines.energyKwh).isPositive();
		assertThat(lines.locationBasedKg).isPositive();
	}

	/**
	 * Row 122 of the same part: a t3.nano (2 vCPUs, Cascade Lake) in us-east-1 running
	 * the whole of June 2022 (720 instance-hours, $3.744). By hand from the shipped
	 * factors: CPU power 0.64 + 0.5 x (3.97 - 0.64) = 2.305 W per vCPU (ccf-coefficients
	 * min/max, default utilization 0.5), 1,440 vCPU-hours x 2.305 W = 3.3192 kWh of IT
	 * energy, x PUE 1.16 (AWS 2022, cloud-pue-wue) = 3.850272 kWh, x 434 gCO2e/kWh (PJM
	 * 2022, electricitymaps-zone-yearly) = 1.671018 kg CO2e.
	 */
	@Test
	void aKnownInstanceLineHasTheEnergyAndCarbonWorkedOutByHand() throws IOException {
		Lines lines = read("aws-cur-parquet/lambda-cost-reports_cur-part1of4.snappy.parquet");

		Map.Entry<SourceLine, ImpactLine> known = lines.impacts.entrySet()
			.stream()
			.filter(entry -> entry.getKey().row() == 122 && entry.getKey().line() == 0)
			.findFirst()
			.orElseThrow();
		SourceLine line = known.getKey();
		ImpactLine impact = known.getValue();
		assertThat(line.unit()).isEqualTo("vCPU-hours");
		assertThat(line.usageSource()).isEqualTo("instance type t3.nano from product_instance_type");
		assertThat(line.region()).isEqualTo("us-east-1");
		assertThat(line.billedCost()).isEqualByComparingTo("3.744");
		assertThat(impact.itEnergy().kilowattHours()).isCloseTo(3.3192, within(1e-9));
		assertThat(impact.facilityEnergy().kilowattHours()).isCloseTo(3.850272, within(1e-9));
		assertThat(impact.locationBased().kilograms()).isCloseTo(1.671018048, within(1e-9));
	}

	/**
	 * Reads a bill with core's readers and maps and calculates every row as the app does.
	 */
	private Lines read(String file) throws IOException {
		BillingMapper mapper = new BillingMapper(InstanceCatalog.shipped(),
				key -> LIBRARY.region(key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1))
					.isPresent(),
				InstanceHours.Hardware.of(LIBRARY), SpendCategories.shipped());
		FootprintEngine engine = new FootprintEngine(new LibraryFactorLookup(LIBRARY));
		Lines lines = new Lines(mapper, engine);
		try (InputStream in = Files.newInputStream(CORPUS.resolve(file))) {
			lines.format = BillingReaders.read(file, in, null,
					content -> ParquetTable.open(content, this.work, ParquetLimits.DEFAULTS), lines);
		}
		return lines;
	}

	/** Collects the activity lines of every row and their impacts. */
	static final class Lines implements BillingRowSink {

		private final BillingMapper mapper;

		private final FootprintEngine engine;

		final List<SourceLine> all = new ArrayList<>();

		final List<Long> rejected = new ArrayList<>();

		final Map<SourceLine, ImpactLine> impacts = new LinkedHashMap<>();

		@Nullable String format;

		long rows;

		double energyKwh;

		double locationBasedKg;

		Lines(BillingMapper mapper, FootprintEngine engine) {
			this.mapper = mapper;
			this.engine = engine;
		}

		@Override
		public void accept(BillingRow row) {
			this.rows++;
			for (SourceLine line : this.mapper.map(row)) {
				this.all.add(line);
				if (!line.costOnly()) {
					ImpactLine impact = this.engine.calculate(line.activity("-"));
					this.impacts.put(line, impact);
					this.energyKwh += impact.facilityEnergy().kilowattHours();
					this.locationBasedKg += impact.locationBased().kilograms();
				}
			}
		}

		@Override
		public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
			this.rows++;
			this.rejected.add(row);
		}

		BigDecimal billedCost() {
			return this.all.stream().map(SourceLine::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		long usageLines() {
			return this.all.stream().filter(line -> !line.costOnly()).count();
		}

		long costOnlyRows() {
			return this.all.stream().filter(SourceLine::costOnly).count();
		}

		long rowsWithUnit(String unit) {
			return this.all.stream().filter(line -> unit.equals(line.unit())).count();
		}

	}

}
