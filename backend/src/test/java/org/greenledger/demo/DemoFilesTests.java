package org.greenledger.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.greenledger.core.formats.BillingReaders;
import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.table.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo generator writes the same bytes on every run, and every bill it writes is read
 * by GreenLedger's own billing readers as the format it claims to be, without a rejected
 * row, its billed cost adding up to the generated usage's cost.
 */
class DemoFilesTests {

	@Test
	void theGeneratorIsDeterministic() {
		List<DemoFile> first = DemoFiles.bills();
		List<DemoFile> second = DemoFiles.bills();
		assertThat(first).hasSize(4);
		for (int i = 0; i < first.size(); i++) {
			assertThat(second.get(i).content()).as(first.get(i).name()).isEqualTo(first.get(i).content());
		}
		assertThat(DemoFiles.readings().content()).isEqualTo(DemoFiles.readings().content());
		assertThat(DemoFiles.providerCarbon().content()).isEqualTo(DemoFiles.providerCarbon().content());
	}

	@Test
	void everyBillIsReadAsItsFormatWithoutRejectedRows() {
		List<CloudUsage.Day> days = CloudUsage.days(new java.util.Random(DemoOrganisation.SEED));
		double generatedCost = days.stream().mapToDouble(CloudUsage.Day::cost).sum();
		double billed = 0;
		long rows = 0;
		for (DemoFile file : DemoFiles.bills()) {
			Counting sink = new Counting();
			String format = BillingReaders.read(file.name(), new ByteArrayInputStream(file.content()), null,
					content -> {
						throw new AssertionError("no Parquet");
					}, sink);
			long lines = new String(file.content(), StandardCharsets.UTF_8).lines().count() - 1;
			assertThat(sink.rejected).as(file.name() + " rejected rows").isZero();
			assertThat(sink.accepted).as(file.name()).isEqualTo(lines);
			assertThat(format).as(file.name())
				.containsIgnoringCase(file.name().contains("aws") ? "CUR"
						: file.name().contains("focus") ? "FOCUS" : file.name().contains("azure") ? "Azure" : "Google");
			billed += sink.billed;
			rows += sink.accepted;
		}
		assertThat(rows).as("one row per fleet and day of the 24 months").isEqualTo(days.size());
		assertThat(days.stream().map(CloudUsage.Day::day).distinct().count()).as("days").isEqualTo(730);
		assertThat(billed).as("billed cost in USD").isCloseTo(generatedCost, within(0.01));
	}

	@Test
	void everyExampleFileIsThereAndNotEmpty() {
		assertThat(DemoExamples.all()).extracting(DemoExamples.Example::doc)
			.contains("focus", "aws-cur", "azure", "gcp", "meter-csv", "aws-carbon-emissions", "pact", "codecarbon",
					"nvidia-smi", "prometheus", "green-button", "grid-intensity", "gcp-carbon-footprint",
					"azure-carbon-optimization");
		for (DemoExamples.Example example : DemoExamples.all()) {
			assertThat(java.nio.file.Path.of("../docs/formats", example.doc() + ".md"))
				.as("format page of " + example.name())
				.isRegularFile();
			String text = new String(example.content().get(), StandardCharsets.UTF_8);
			assertThat(text.lines().count()).as(example.name()).isGreaterThan(1);
		}
	}

	private static final class Counting implements BillingRowSink {

		long accepted;

		long rejected;

		double billed;

		@Override
		public void accept(BillingRow record) {
			this.accepted++;
			this.billed += record.billedCost().doubleValue();
		}

		@Override
		public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
			this.rejected++;
		}

	}

}
