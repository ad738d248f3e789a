package org.greenledger.ingestion.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every real telemetry and meter file of {@code corpus/measured} (sources and licences in
 * its {@code SOURCES.md}) through the upload API, against the expectations of
 * {@code corpus/measured/expectations.csv}, which were worked out from the files
 * themselves and not from GreenLedger's output: the format is recognised, every row is
 * accepted, noted as not counted or rejected, every rejected row has its reason, and the
 * energy GreenLedger counts equals the total the file states (a UsageSummary, the sum of
 * its IntervalReadings, the sum of the CodeCarbon runs' energy_consumed) within a
 * relative 1e-6.
 */
@IntegrationTest
class MeasuredCorpusTests {

	static final Path CORPUS = Path.of("src/test/resources/corpus/measured");

	/** Relative tolerance on energy totals: the files state them to the Wh or better. */
	static final double TOLERANCE = 1e-6;

	@LocalServerPort
	int port;

	MeasuredUploads uploads;

	@BeforeEach
	void setUp() {
		this.uploads = new MeasuredUploads(new HttpTestClient(this.port));
	}

	static Stream<CorpusFile> files() throws IOException {
		return CorpusFile.read(CORPUS.resolve("expectations.csv")).stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	void theFileIsReadAndReconciledWithItsOwnTotals(CorpusFile expected) throws IOException {
		Map<String, String> fields = expected.site() ? Map.of("site", site()) : Map.of();
		DocumentContext job = this.uploads.upload(expected.name(), Files.readAllBytes(CORPUS.resolve(expected.file())),
				fields);
		String duplicateOf = job.read("$.duplicateOf", String.class);
		if (duplicateOf != null) {
			// another test sent the same real file first: its job holds the file's
			// figures
			job = this.uploads.getJson("/api/v1/ingestions/" + duplicateOf);
		}
		String report = job.jsonString();

		assertThat(job.read("$.status", String.class)).as(report).isEqualTo(expected.status());
		assertThat(job.read("$.format", String.class)).as("format recognised").contains(expected.format());
		long read = job.read("$.rowsRead", Long.class);
		long accepted = job.read("$.rowsAccepted", Long.class);
		long ignored = job.read("$.rowsCostOnly", Long.class);
		long rejected = job.read("$.rowsRejected", Long.class);
		assertThat(List.of(read, accepted, ignored, rejected)).as(report)
			.containsExactly(expected.rows(), expected.accepted(), expected.ignored(), expected.rejected());
		assertThat(accepted + ignored + rejected).as("every row accounted for").isEqualTo(read);
		List<Map<String, Object>> errors = job.read("$.errors");
		assertThat(errors.stream().map(error -> ((Number) error.get("row")).longValue()).distinct().count())
			.as("every rejected row has its reason")
			.isEqualTo(Math.min(rejected, 1000));
		assertThat(errors).allSatisfy(error -> assertThat(String.valueOf(error.get("message"))).isNotBlank());
		if (expected.energyKwh() != null) {
			double energy = job.read("$.measured.energyKwh", Double.class);
			assertThat(energy).as("energy against the file's own total: " + expected.energySource())
				.isCloseTo(expected.energyKwh(), within(TOLERANCE * expected.energyKwh()));
		}
		if (!expected.note().isEmpty()) {
			assertThat(job.read("$.notes[*].message", List.class).toString()).as(report).contains(expected.note());
		}
		assertThat(job.read("$.rejectionLimit.kind", String.class)).isIn("meter", "telemetry");
	}

	private String site() {
		String code = "C" + UUID.randomUUID().toString().substring(0, 8);
		this.uploads.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Corpus site", "kind": "OWN", "gridZone": "NL"}""".formatted(code));
		return code;
	}

}
