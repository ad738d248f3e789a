package org.greenledger.core.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.greenledger.core.source.FileStart;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.source.FormatName;
import org.greenledger.core.source.SourceFormat;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.InvalidFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry of formats: one name per format, the names users send, and which format a
 * real file's start is.
 */
class SourceFormatsTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures");

	@Test
	void everyNameAndSpellingBelongsToOneFormat() {
		Set<String> names = new HashSet<>();
		Set<String> spellings = new HashSet<>();
		for (SourceFormat<?> format : SourceFormats.all()) {
			for (FormatName name : format.names()) {
				assertThat(names.add(name.name())).as(name.name()).isTrue();
				for (String spelling : name.spellings()) {
					assertThat(spellings.add(spelling)).as(spelling).isTrue();
				}
			}
		}
		assertThat(SourceFormats.names()).containsExactly("FOCUS", "AWS_CUR", "AWS_CUR2", "GCP", "AZURE", "CODECARBON",
				"NVIDIA_SMI", "PROMETHEUS", "METER_CSV", "GREEN_BUTTON", "GRID_INTENSITY", "CLOUDWATCH");
	}

	@Test
	void everyFormatLivesInThePackageOfItsName() {
		for (SourceFormat<?> format : SourceFormats.all()) {
			String packageName = format.getClass().getPackageName();
			assertThat(packageName.substring(packageName.lastIndexOf('.') + 1))
				.isEqualTo(format.name().toLowerCase(java.util.Locale.ROOT).replace("_", ""));
		}
	}

	@Test
	void everyFormatHasItsPageAndFixturesUnderItsName() {
		for (SourceFormat<?> format : SourceFormats.all()) {
			String name = format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			assertThat(Path.of("../../docs/formats", name + ".md")).as(format.name()).isRegularFile();
			assertThat(FIXTURES.resolve(name)).as(format.name()).isDirectory();
		}
	}

	@ParameterizedTest
	@CsvSource({ "nvidia smi, NVIDIA_SMI", "dcgm, PROMETHEUS", "Kepler, PROMETHEUS", "meter, METER_CSV",
			"green-button, GREEN_BUTTON", "ESPI, GREEN_BUTTON", "electricity maps, GRID_INTENSITY",
			"emissions.csv, CODECARBON", "FOCUS 1.2, FOCUS", "cur, AWS_CUR", "CUR 2.0, AWS_CUR2" })
	void usersNamesAreLenient(String requested, String name) {
		assertThat(SourceFormats.parse(requested))
			.hasValueSatisfying(named -> assertThat(named.name().name()).isEqualTo(name));
	}

	@ParameterizedTest
	@CsvSource({ "codecarbon/emissions-2.5-layout.csv, CODECARBON, TELEMETRY",
			"nvidia-smi/a100-nounits.csv, NVIDIA_SMI, TELEMETRY", "prometheus/dcgm-h100.prom, PROMETHEUS, TELEMETRY",
			"prometheus/kepler-0.10.om.txt, PROMETHEUS, TELEMETRY", "meter-csv/site-meters.csv, METER_CSV, METER",
			"green-button/usage-15min.xml, GREEN_BUTTON, METER",
			"grid-intensity/electricitymaps-hourly.csv, GRID_INTENSITY, GRID" })
	void aRealMeasuredFileIsRecognisedFromItsStart(String fixture, String name, String kind) throws IOException {
		NamedFormat detected = SourceFormats.measured(fixture, null, start(fixture));

		assertThat(detected).isNotNull();
		assertThat(detected.name().name()).isEqualTo(name);
		assertThat(detected.format().kind().name()).isEqualTo(kind);
	}

	@ParameterizedTest
	@CsvSource({ "aws-cur/cur-legacy.csv", "azure/azure-ea-actual.csv", "gcp/gcp-billing.csv", "gcp/gcp-billing.jsonl",
			"focus/saas_spend_agreements_b2.parquet" })
	void aBillIsNoMeasuredFormat(String fixture) throws IOException {
		assertThat(SourceFormats.measured(fixture, null, start(fixture))).isNull();
		assertThat(SourceFormats.measured(fixture, "FOCUS", start(fixture))).isNull();
	}

	@Test
	void aBillIsRecognisedByItsHeaderWithItsEdition() {
		assertThat(
				SourceFormats.recognise(FileStart.ofColumns(List.of("line_item_usage_amount", "bill_payer_account_id")),
						SourceFormats.ofKind(FormatKind.BILLING)))
			.hasValueSatisfying(named -> assertThat(named.name().name()).isEqualTo("AWS_CUR2"));
	}

	@Test
	void aMeasuredFileSentAsAnotherFormatIsRefusedNamingBoth() throws IOException {
		assertThatThrownBy(() -> SourceFormats.measured("a.csv", "meter", start("codecarbon/emissions-2.5-layout.csv")))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("a.csv: METER_CSV was requested, but the file is a CodeCarbon emissions.csv; send it without"
					+ " a format to have it detected");
		assertThatThrownBy(() -> SourceFormats.measured("b.csv", "nvidia-smi", start("aws-cur/cur-legacy.csv")))
			.hasMessage("b.csv: NVIDIA_SMI was requested, but the file is not an nvidia-smi CSV query; send it"
					+ " without a format to have it detected");
		assertThatThrownBy(() -> SourceFormats.measured("c.xml", "GCP", start("green-button/usage-15min.xml")))
			.hasMessage("c.xml: GCP was requested, but the file is a Green Button (ESPI) XML file; send it without"
					+ " a format to have it detected");
	}

	private static FileStart start(@Nullable String fixture) throws IOException {
		try (InputStream in = InputFiles.decompressed(Files.newInputStream(FIXTURES.resolve(fixture)))) {
			return FileStart.of(in.readNBytes(8192));
		}
	}

}
