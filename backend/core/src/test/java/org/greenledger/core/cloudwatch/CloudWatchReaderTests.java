package org.greenledger.core.cloudwatch;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.greenledger.core.formats.NamedFormat;
import org.greenledger.core.formats.SourceFormats;
import org.greenledger.core.measured.MonitoredInstance;
import org.greenledger.core.measured.UtilizationSample;
import org.greenledger.core.measured.UtilizationSink;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CloudWatchReaderTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures/cloudwatch");

	private static final Path REAL = Path
		.of("../src/test/resources/corpus/measured/cloudwatch/aws-cli-cpuutilization-maximum-hourly.json");

	private static final MonitoredInstance INSTANCE = new MonitoredInstance("aws", "123456789012", "us-east-1",
			"i-0123456789abcdef0", "m5.4xlarge");

	/**
	 * The AWS CLI's documented answer (aws/aws-cli, Apache-2.0): 23 hourly maxima of
	 * 2014-04-08/09, in CloudWatch's order (not by time). Counted from the file with
	 * Python: 23 datapoints, mean 49.4604 %, highest 76.84 % (2014-04-09T03:18Z), first
	 * 2014-04-08T23:18Z, last 2014-04-09T21:18Z.
	 */
	@Test
	void readsTheAwsCliAnswerOfARealInstance() throws IOException {
		Recording sink = new Recording();
		int read = CloudWatchReader.read(REAL.getFileName().toString(), Files.newBufferedReader(REAL), INSTANCE, sink);

		assertThat(read).isEqualTo(23);
		assertThat(sink.errors).isEmpty();
		assertThat(sink.samples).hasSize(23);
		assertThat(sink.samples).allSatisfy(sample -> {
			assertThat(sample.statistic()).isEqualTo("Maximum");
			assertThat(sample.periodSeconds()).isEqualTo(3600);
			assertThat(sample.maximumPercent()).isNull();
			assertThat(sample.instance()).isEqualTo(INSTANCE);
		});
		assertThat(sink.samples.getFirst().start()).isEqualTo(Instant.parse("2014-04-08T23:18:00Z"));
		assertThat(sink.samples.getLast().start()).isEqualTo(Instant.parse("2014-04-09T21:18:00Z"));
		assertThat(sink.samples.stream().mapToDouble(UtilizationSample::percent).average().orElseThrow())
			.isCloseTo(49.4604347826, within(1e-9));
		UtilizationSample peak = sink.samples.stream()
			.max(java.util.Comparator.comparingDouble(UtilizationSample::percent))
			.orElseThrow();
		assertThat(peak.percent()).isEqualTo(76.84);
		assertThat(peak.start()).isEqualTo(Instant.parse("2014-04-09T03:18:00Z"));
		// the datapoint of 2014-04-09T03:18Z opens on line 23 of the file
		assertThat(peak.row()).isEqualTo(23);
		assertThat(Files.readAllLines(REAL).get(23)).contains("2014-04-09T03:18:00Z");
	}

	@Test
	void theRealAnswerIsRecognisedAsCloudWatchFromItsStart() throws IOException {
		FileStart start = FileStart.of(Files.readAllBytes(REAL));

		NamedFormat detected = SourceFormats.measured("cpu.json", null, start);

		assertThat(detected).isNotNull();
		assertThat(detected.name().name()).isEqualTo("CLOUDWATCH");
		assertThat(detected.format().kind().name()).isEqualTo("UTILIZATION");
		assertThat(SourceFormats.parse("aws cloudwatch"))
			.hasValueSatisfying(named -> assertThat(named.name().name()).isEqualTo("CLOUDWATCH"));
	}

	@Test
	void averagesWithTheirMaximaAreSortedByTimeWithTheirPeriod() throws IOException {
		Recording sink = read("m5-4xlarge-idle-week.json");

		assertThat(sink.errors).isEmpty();
		assertThat(sink.samples).hasSize(168);
		assertThat(sink.samples.getFirst().start()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(sink.samples.getFirst().statistic()).isEqualTo("Average");
		assertThat(sink.samples.getFirst().percent()).isEqualTo(12.5);
		assertThat(sink.samples.getFirst().maximumPercent()).isEqualTo(18.0);
		assertThat(sink.samples.get(20).percent()).isEqualTo(20.0);
		assertThat(sink.samples.get(20).maximumPercent()).isEqualTo(24.0);
		assertThat(sink.samples).allSatisfy(sample -> assertThat(sample.periodSeconds()).isEqualTo(3600));
	}

	@Test
	void eachBadDatapointIsRejectedWithItsLineAndKey() throws IOException {
		Recording sink = read("broken-datapoints.json");

		assertThat(sink.samples).extracting(UtilizationSample::row).containsExactly(4L, 43L);
		assertThat(sink.errors).containsExactly(new RowError(9, "Timestamp", "is missing"),
				new RowError(13, "Timestamp",
						"'01/01/2030 02:00' is not an ISO-8601 time with an offset (2014-04-09T11:18:00Z)"),
				new RowError(18, "Timestamp", "repeats the datapoint of line 4 (2030-01-01T00:00:00Z)"),
				new RowError(23, "Unit", "is 'Bytes', not Percent: not a CPU utilization"),
				new RowError(28, "Average",
						"the datapoint has neither Average nor Maximum (export with --statistics Average Maximum)"),
				new RowError(33, "Average", "is 140.0: a CPU utilization lies between 0 and 100"),
				new RowError(38, "Average", "'high' is not a number"));
		// the period is the smallest spacing of the accepted datapoints (00:00 and 08:00)
		assertThat(sink.samples).allSatisfy(sample -> assertThat(sample.periodSeconds()).isEqualTo(8 * 3600));
	}

	@Test
	void anotherMetricIsRefusedAsAWhole() {
		assertThatThrownBy(() -> read("network-in.json")).isInstanceOf(InvalidFileException.class)
			.hasMessage("network-in.json: holds the metric NetworkIn, not CPUUtilization (export with --namespace"
					+ " AWS/EC2 --metric-name CPUUtilization)");
	}

	@Test
	void brokenJsonIsRefusedWithItsLine() {
		assertThatThrownBy(() -> read("truncated.json")).isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("truncated.json (line 8): is not valid JSON")
			.hasMessageEndingWith("; nothing of the file was used");
	}

	@Test
	void aJsonFileWithoutDatapointsIsNoCloudWatchAnswer() {
		assertThatThrownBy(() -> CloudWatchReader.read("cpu.json", new StringReader("{\"Label\": \"CPUUtilization\"}"),
				INSTANCE, new Recording()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("cpu.json: has no \"Datapoints\" array: expected the JSON answer of aws cloudwatch"
					+ " get-metric-statistics");
	}

	@Test
	void theUploadMustNameTheInstance() {
		assertThat(InstanceDescriptor.parse("cpu.json",
				"instance_id=i-0123456789abcdef0, instance_type=m5.4xlarge, region=us-east-1, account_id=123456789012"))
			.isEqualTo(INSTANCE);
		assertThat(
				InstanceDescriptor.parse("cpu.json", "instance_id=i-0abc12345,instance_type=M5.Large,region=eu-west-1")
					.accountId())
			.isNull();
		assertThatThrownBy(() -> InstanceDescriptor.parse("cpu.json", null)).isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("cpu.json: the upload does not name the instance")
			.hasMessageContaining("instance_id=i-0123456789abcdef0,instance_type=m5.4xlarge,region=us-east-1");
		assertThatThrownBy(() -> InstanceDescriptor.parse("cpu.json", "instance_id=i-0abc12345,region=us-east-1"))
			.hasMessageStartingWith("cpu.json: instance_type is missing");
		assertThatThrownBy(
				() -> InstanceDescriptor.parse("cpu.json", "instance_id=web-1,instance_type=m5.large,region=us-east-1"))
			.hasMessageStartingWith("cpu.json: instance_id 'web-1' is not an EC2 instance id such as i-0abc12345");
		assertThatThrownBy(() -> InstanceDescriptor.parse("cpu.json",
				"instance_id=i-0abc12345,instance_type=m5.large,region=us-east-1,account_id=42"))
			.hasMessageStartingWith("cpu.json: account_id '42' is not a 12-digit AWS account id");
		assertThatThrownBy(() -> InstanceDescriptor.parse("cpu.json",
				"instance_id=i-0abc12345,instance_type=m5.large,region=us-east-1,zone=a"))
			.hasMessageStartingWith("cpu.json: unknown name(s) zone");
	}

	private static Recording read(String fixture) throws IOException {
		Recording sink = new Recording();
		CloudWatchReader.read(fixture, Files.newBufferedReader(FIXTURES.resolve(fixture), StandardCharsets.UTF_8),
				INSTANCE, sink);
		return sink;
	}

	private static final class Recording implements UtilizationSink {

		final List<UtilizationSample> samples = new ArrayList<>();

		final List<RowError> errors = new ArrayList<>();

		@Override
		public void sample(UtilizationSample sample) {
			this.samples.add(sample);
		}

		@Override
		public void rejected(long row, List<RowError> rowErrors) {
			this.errors.addAll(rowErrors);
		}

	}

}
