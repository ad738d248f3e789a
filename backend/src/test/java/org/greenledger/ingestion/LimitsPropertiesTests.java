package org.greenledger.ingestion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.GzipInput;
import org.greenledger.core.table.InputLimits;
import org.greenledger.core.table.LimitExceededException;
import org.greenledger.core.table.RefusedTextException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitsPropertiesTests {

	@Test
	void theDefaultsAreTheDocumentedLimits() {
		assertThat(bind(Map.of()).limits()).isEqualTo(InputLimits.DEFAULTS);
	}

	@Test
	void everyLimitIsConfigured() {
		InputLimits limits = bind(Map.of("greenledger.ingestion.limits.max-decompressed-size", "2GB",
				"greenledger.ingestion.limits.max-compression-ratio", "50", "greenledger.ingestion.limits.max-columns",
				"3", "greenledger.ingestion.limits.max-cell-chars", "10", "greenledger.ingestion.limits.earliest-date",
				"2000-01-01", "greenledger.ingestion.limits.latest-date", "2030-12-31"))
			.limits();

		assertThat(limits.maxDecompressedSize()).isEqualTo(2L * 1024 * 1024 * 1024);
		assertThat(limits.maxCompressionRatio()).isEqualTo(50);
		assertThat(limits.earliestDate()).isEqualTo(LocalDate.of(2000, 1, 1));
		assertThat(limits.admits(LocalDate.of(2030, 12, 31).toEpochDay() * 86_400_000L + 1)).isTrue();
		assertThat(limits.admits(LocalDate.of(2031, 1, 1).toEpochDay() * 86_400_000L)).isFalse();
		assertThat(limits.admits(LocalDate.of(1999, 12, 31).toEpochDay() * 86_400_000L)).isFalse();
		assertThatThrownBy(() -> CsvTable.open(new StringReader("a,b,c,d\n"), limits))
			.isInstanceOf(RefusedTextException.class)
			.hasMessage("the header has more than 3 fields (greenledger.ingestion.limits.max-columns)");
		assertThatThrownBy(() -> {
			try (CsvTable table = CsvTable.open(new StringReader("a,b\n1,12345678901\n"), limits)) {
				table.next();
			}
		}).isInstanceOf(RefusedTextException.class)
			.hasMessageStartingWith("row 1, field 2: the field is longer than 10");
	}

	@Test
	void closingAnApplicationsLimitsPutsBackTheOnesInForceBefore() {
		InputLimits before = InputLimits.current();
		InputLimits narrow = bind(Map.of("greenledger.ingestion.limits.latest-date", "2030-12-31")).limits();
		try (InputLimits.Installation installed = InputLimits.install(narrow)) {
			assertThat(InputLimits.current()).isSameAs(narrow);
		}
		assertThat(InputLimits.current()).isSameAs(before);
	}

	@Test
	void aGzipBombStopsAtTheRatioNotAtItsEnd() throws IOException {
		byte[] bomb = org.greenledger.core.table.CompressedInputs.gzipZeros(1L << 28);
		assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
		long read = 0;
		try (GzipInput in = new GzipInput(new ByteArrayInputStream(bomb), InputLimits.DEFAULTS)) {
			byte[] buffer = new byte[1 << 16];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				read += n;
			}
			throw new AssertionError("the bomb was read to its end");
		}
		catch (LimitExceededException ex) {
			assertThat(ex.getMessage()).contains("expands more than 200 times", "compression bomb",
					"greenledger.ingestion.limits.max-compression-ratio");
		}
		// a few megabytes past the allowance at most (the ratio is checked against whole
		// 64 KB reads)
		assertThat(read).isLessThan(32L * 1024 * 1024);
	}

	private static LimitsProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("greenledger.ingestion.limits",
				LimitsProperties.class);
	}

}
