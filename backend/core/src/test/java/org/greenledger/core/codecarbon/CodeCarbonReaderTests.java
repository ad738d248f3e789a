package org.greenledger.core.codecarbon;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.measured.CodeCarbonRun;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.RecordingSink;
import org.greenledger.core.measured.Series;
import org.greenledger.core.measured.Quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

class CodeCarbonReaderTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures/codecarbon");

	private static final String REAL = "emissions-gpu-workstation.csv";

	@Test
	void readsEveryFieldOfARealCodeCarbon231File() throws IOException {
		RecordingSink sink = read(REAL);

		assertThat(sink.errors).isEmpty();
		assertThat(sink.runs).hasSize(1);
		assertThat(sink.seriesOf(sink.runs.get(0))).isEqualTo(Series.of(MeasuredSource.CODECARBON, "energy_consumed",
				Quantity.ENERGY, Map.of("project", "codecarbon", "run", "66e41014-0a9c-4a93-89d8-8b937ae6b6bd")));
		CodeCarbonRun run = sink.runs.get(0).run();
		assertThat(run.end()).isEqualTo(Instant.parse("2023-11-09T15:13:33Z"));
		assertThat(run.durationSeconds()).isEqualTo(423.0618727207184);
		assertThat(run.reportedCo2eKg()).isEqualTo(0.0004697101059861965);
		assertThat(run.reportedRateKgPerSecond()).isEqualTo(1.110263382907759e-06);
		assertThat(run.cpuWatts()).isEqualTo(32.5);
		assertThat(run.gpuWatts()).isEqualTo(19.44477847357605);
		assertThat(run.ramWatts()).isEqualTo(11.903344631195068);
		assertThat(run.cpuKwh()).isEqualTo(0.0038190018662148054);
		assertThat(run.gpuKwh()).isEqualTo(0.0017526600132379997);
		assertThat(run.ramKwh()).isEqualTo(0.0013983649195707366);
		assertThat(run.energyKwh()).isEqualTo(0.006970026799023542);
		assertThat(run.countryName()).isEqualTo("France");
		assertThat(run.countryIso3()).isEqualTo("FRA");
		assertThat(run.region()).isEqualTo("auvergne-rhone-alpes");
		assertThat(run.cloudProvider()).isNull();
		assertThat(run.cloudRegion()).isNull();
		assertThat(run.os()).isEqualTo("Windows-10-10.0.19044-SP0");
		assertThat(run.pythonVersion()).isEqualTo("3.9.12");
		assertThat(run.codecarbonVersion()).isEqualTo("2.3.1");
		assertThat(run.cpuCount()).isEqualTo(20);
		assertThat(run.cpuModel()).isEqualTo("Intel(R) Core(TM) i9-10900 CPU @ 2.80GHz");
		assertThat(run.gpuCount()).isEqualTo(1);
		assertThat(run.gpuModel()).isEqualTo("1 x NVIDIA GeForce RTX 3060");
		assertThat(run.longitude()).isEqualTo(5.3075);
		assertThat(run.latitude()).isEqualTo(45.9711);
		assertThat(run.ramTotalGb()).isEqualTo(31.742252349853516);
		assertThat(run.trackingMode()).isEqualTo("machine");
		assertThat(run.onCloud()).isFalse();
		assertThat(run.pue()).isEqualTo(1.0);
		assertThat(run.waterLitres()).isNull();
		assertThat(run.wue()).isNull();
		assertThat(run.cpuUtilizationPercent()).isNull();
		assertThat(run.gpuUtilizationPercent()).isNull();
		assertThat(run.ramUtilizationPercent()).isNull();
		assertThat(run.ramUsedGb()).isNull();
		assertThat(run.start()).isEqualTo(Instant.parse("2023-11-09T15:06:29.938127279Z"));
	}

	@Test
	void energyTotalEqualsTheFilesEnergyConsumedExactly() throws IOException {
		for (String file : List.of(REAL, "emissions-2.0-layout.csv", "emissions-2.5-layout.csv",
				"emissions-3.x-layout.csv")) {
			List<String> lines = Files.readAllLines(FIXTURES.resolve(file), StandardCharsets.UTF_8);
			int column = Arrays.asList(lines.get(0).split(",")).indexOf("energy_consumed");
			double expected = 0;
			for (String line : lines.subList(1, lines.size())) {
				expected += Double.parseDouble(line.split(",")[column]);
			}
			double total = 0;
			for (RecordingSink.Run run : read(file).runs) {
				total += run.run().energyKwh();
			}
			assertThat(total).as(file).isEqualTo(expected);
		}
	}

	@Test
	@DisplayName("CodeCarbon row recomputation: energy_consumed equals cpu_energy + gpu_energy + ram_energy within 0.1 %")
	void codeCarbonRowRecomputation() throws IOException {
		CodeCarbonRun run = read(REAL).runs.get(0).run();
		assertThat(run.cpuKwh() + run.gpuKwh() + run.ramKwh()).isCloseTo(run.energyKwh(), withinPercentage(0.1));
	}

	@Test
	void zonelessTimestampsAreReadInTheGivenZone() throws IOException {
		RecordingSink sink = RecordingSink.forRuns();
		try (var reader = Files.newBufferedReader(FIXTURES.resolve(REAL))) {
			CodeCarbonReader.read(REAL, reader, ZoneId.of("Europe/Paris"), sink);
		}
		assertThat(sink.runs.get(0).run().end()).isEqualTo(Instant.parse("2023-11-09T14:13:33Z"));
	}

	@Test
	void readsThe20LayoutWithoutExperimentCodecarbonVersionOrPue() throws IOException {
		RecordingSink sink = read("emissions-2.0-layout.csv");

		assertThat(sink.errors).isEmpty();
		assertThat(sink.runs).extracting(RecordingSink.Run::row).containsExactly(1L, 2L);
		assertThat(sink.series).hasSize(2)
			.allSatisfy(series -> assertThat(series.labels()).containsOnlyKeys("project", "run")
				.containsEntry("project", "bert-finetune"));
		CodeCarbonRun first = sink.runs.get(0).run();
		assertThat(first.end()).isEqualTo(Instant.parse("2022-06-01T10:00:00Z"));
		assertThat(first.energyKwh()).isEqualTo(0.3045);
		assertThat(first.gpuModel()).isEqualTo("1 x NVIDIA A100-PCIE-40GB");
		assertThat(first.codecarbonVersion()).isNull();
		assertThat(first.pue()).isNull();
		assertThat(first.waterLitres()).isNull();
		assertThat(first.onCloud()).isFalse();
	}

	@Test
	void readsThe25LayoutWithExperimentAndPueAcrossProjectsAndRuns() throws IOException {
		RecordingSink sink = read("emissions-2.5-layout.csv");

		assertThat(sink.errors).isEmpty();
		assertThat(sink.runs).hasSize(3);
		assertThat(sink.series).extracting(series -> series.label("project"))
			.containsExactly("llm-eval", "llm-eval", "image-train");
		assertThat(sink.series.get(0).labels()).containsEntry("experiment", "5b0fa12a-3dd7-45bb-9766-cc326314d9f1")
			.containsEntry("run", "5f0c1d2e-aaaa-4bbb-8ccc-000000000010");
		assertThat(sink.series.get(2).labels()).containsOnlyKeys("project", "run");
		CodeCarbonRun mac = sink.runs.get(0).run();
		assertThat(mac.gpuCount()).isNull();
		assertThat(mac.gpuModel()).isNull();
		assertThat(mac.gpuKwh()).isZero();
		assertThat(mac.codecarbonVersion()).isEqualTo("2.5.0");
		CodeCarbonRun cloud = sink.runs.get(2).run();
		assertThat(cloud.onCloud()).isTrue();
		assertThat(cloud.cloudProvider()).isEqualTo("gcp");
		assertThat(cloud.cloudRegion()).isEqualTo("us-central1");
		assertThat(cloud.region()).isNull();
		assertThat(cloud.pue()).isEqualTo(1.1);
		assertThat(cloud.gpuCount()).isEqualTo(2);
		assertThat(cloud.durationSeconds()).isEqualTo(7200.25);
	}

	@Test
	void readsThe3xLayoutWithWaterWueAndUtilization() throws IOException {
		RecordingSink sink = read("emissions-3.x-layout.csv");

		assertThat(sink.errors).isEmpty();
		assertThat(sink.runs).hasSize(3);
		assertThat(sink.runs.get(0).series()).as("flushes of one run are one series")
			.isEqualTo(sink.runs.get(1).series());
		assertThat(sink.series).hasSize(2);
		CodeCarbonRun flush = sink.runs.get(1).run();
		assertThat(flush.cpuUtilizationPercent()).isEqualTo(13.0);
		assertThat(flush.gpuUtilizationPercent()).isEqualTo(72.5);
		assertThat(flush.ramUtilizationPercent()).isEqualTo(24.3);
		assertThat(flush.ramUsedGb()).isEqualTo(14.7);
		assertThat(flush.waterLitres()).isZero();
		assertThat(flush.wue()).isZero();
		assertThat(flush.codecarbonVersion()).isEqualTo("3.0.0");
		CodeCarbonRun aws = sink.runs.get(2).run();
		assertThat(aws.end()).isEqualTo(Instant.parse("2025-09-10T09:30:00.250Z"));
		assertThat(aws.waterLitres()).isEqualTo(0.9108);
		assertThat(aws.wue()).isEqualTo(1.8);
		assertThat(aws.pue()).isEqualTo(1.1);
		assertThat(aws.longitude()).isNull();
		assertThat(aws.trackingMode()).isEqualTo("process");
		assertThat(aws.onCloud()).isTrue();
	}

	@Test
	void rejectsBadRowsWithColumnAndReasonAndKeepsTheGoodOnes() throws IOException {
		RecordingSink sink = read("emissions-bad-rows.csv");

		assertThat(sink.rows).as("one call per row, in file order")
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
		assertThat(sink.runs).extracting(RecordingSink.Run::row).containsExactly(1L, 7L, 8L, 11L);
		assertThat(sink.errorsOf(2)).containsExactly("duration: 'abc' is not a number");
		assertThat(sink.errorsOf(3)).containsExactly("timestamp: '2022-13-45T99:00:00' is not an ISO 8601 date-time");
		assertThat(sink.errorsOf(4)).containsExactly("duration: -5.0 is negative");
		assertThat(sink.errorsOf(5)).containsExactly("gpu_energy: -0.02 is negative");
		assertThat(sink.errorsOf(6)).singleElement()
			.asString()
			.startsWith("energy_consumed: 0.034 kWh differs from cpu_energy + gpu_energy + ram_energy")
			.contains("by more than 0.1 %");
		assertThat(sink.errorsOf(8)).as("an empty run_id is flagged, not rejected").isEmpty();
		assertThat(sink.seriesOf(sink.runs.get(2)).label("run")).isEqualTo("row 8");
		assertThat(sink.flags).singleElement().asString().startsWith("8 run_id: run_id is empty");
		assertThat(sink.errorsOf(9)).containsExactly("on_cloud: 'maybe' is not Y or N");
		assertThat(sink.errorsOf(10)).singleElement().asString().startsWith("*: has 27 cells but the header has 29");
		assertThat(sink.runs.get(3).run().end()).isEqualTo(Instant.parse("2022-06-02T09:00:00Z"));
	}

	@Test
	void aFileWithoutAMandatoryColumnIsRefusedNamingThem() {
		String csv = "timestamp,project_name,emissions\n2023-01-01T00:00:00,p,0\n";
		assertThatThrownBy(() -> CodeCarbonReader.read("e.csv", new StringReader(csv), RecordingSink.forRuns()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("e.csv: not a CodeCarbon emissions.csv: the mandatory columns duration,"
					+ " energy_consumed are missing");
	}

	@Test
	void aFileOfThe1xLayoutWithoutRunIdMakesEachRowARunAndSaysSo() {
		String csv = """
				timestamp,experiment_id,project_name,duration,emissions,energy_consumed,country_name,country_iso_code,region,on_cloud,cloud_provider,cloud_region
				2020-03-23T09:26:11,68f53844,gamma,34,8,8,USA,USA,Ohio,Y,aws,us-east-2
				2020-03-24T15:26:11,9288b395,gamma,16,1,3,Taiwan,TWN,Changhua County,Y,gcp,asia-east1
				""";
		RecordingSink sink = RecordingSink.forRuns();
		CodeCarbonReader.read("e.csv", new StringReader(csv), sink);

		assertThat(sink.errors).isEmpty();
		assertThat(sink.runs).hasSize(2);
		assertThat(sink.runs).extracting(run -> run.run().energyKwh()).containsExactly(8.0, 3.0);
		assertThat(sink.series).extracting(series -> series.label("run")).containsExactly("row 1", "row 2");
		assertThat(sink.flags).singleElement().asString().startsWith("0 run_id: the file has no run_id column");
	}

	@Test
	void partialEnergyColumnsAreUsedWhereTheFileSaysEnoughAndRejectedOtherwise() {
		String header = "timestamp,project_name,run_id,duration,emissions,cpu_energy,gpu_energy,ram_energy,energy_consumed\n";
		String csv = header + "2024-05-31T10:00:00,p,a,10,0.1,0.5,,0.25,0.8\n" // a
																				// component
																				// empty
				+ "2024-05-31T10:00:00,p,b,10,0.1,0.5,0.25,0.25,\n" // the total empty
				+ "2024-05-31T10:00:00,p,c,10,0.1,0.5,,0.25,\n"; // neither
		RecordingSink sink = RecordingSink.forRuns();
		CodeCarbonReader.read("e.csv", new StringReader(csv), sink);

		assertThat(sink.runs).extracting(RecordingSink.Run::row).containsExactly(1L, 2L);
		assertThat(sink.runs.get(0).run().energyKwh()).isEqualTo(0.8);
		assertThat(sink.runs.get(0).run().gpuKwh()).isZero();
		assertThat(sink.runs.get(1).run().energyKwh()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(sink.flags).hasSize(2);
		assertThat(sink.flags.get(0)).startsWith("1 energy_consumed: gpu_energy is empty");
		assertThat(sink.flags.get(1)).startsWith("2 energy_consumed: energy_consumed is empty: taken as");
		assertThat(sink.errorsOf(3)).singleElement()
			.asString()
			.startsWith("energy_consumed: is empty and cpu_energy, gpu_energy and ram_energy are not all written");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThatThrownBy(() -> CodeCarbonReader.read("e.csv", new StringReader(""), RecordingSink.forRuns()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("e.csv: the file is empty");
	}

	@Test
	void aFileWithoutComponentColumnsIsReadWithZeroComponents() {
		String csv = "timestamp,project_name,run_id,duration,emissions,energy_consumed\n"
				+ "2021-05-01T12:00:00,old,r1,60,0.0001,0.002\n";
		RecordingSink sink = RecordingSink.forRuns();
		CodeCarbonReader.read("old.csv", new StringReader(csv), sink);

		assertThat(sink.errors).isEmpty();
		CodeCarbonRun run = sink.runs.get(0).run();
		assertThat(run.energyKwh()).isEqualTo(0.002);
		assertThat(List.of(run.cpuKwh(), run.gpuKwh(), run.ramKwh())).containsOnly(0.0);
	}

	private static RecordingSink read(String file) throws IOException {
		RecordingSink sink = RecordingSink.forRuns();
		try (var reader = Files.newBufferedReader(FIXTURES.resolve(file))) {
			CodeCarbonReader.read(file, reader, sink);
		}
		return sink;
	}

}
