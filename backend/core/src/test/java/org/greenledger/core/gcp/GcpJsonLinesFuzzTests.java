package org.greenledger.core.gcp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.MutatedInputs;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.TextInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the Google Cloud JSON-lines reader with mutations of a real export: whatever
 * the bytes, it reads rows (each accepted or rejected with its row number and a named
 * column), or refuses the file with its own error naming the file; nothing else escapes.
 */
class GcpJsonLinesFuzzTests {

	private static final String REAL = read();

	@Property(tries = 600, seed = "42", shrinking = ShrinkingMode.OFF)
	void everyRowIsAccountedForOrTheFileIsRefused(@ForAll("mutated") byte[] bytes) throws IOException {
		List<Long> rows = new ArrayList<>();
		BillingRowSink sink = new BillingRowSink() {
			@Override
			public void accept(BillingRow record) {
				rows.add(record.row());
			}

			@Override
			public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
				assertThat(errors).isNotEmpty().allSatisfy(error -> {
					assertThat(error.row()).isEqualTo(row);
					assertThat(error.column()).isNotBlank();
					assertThat(error.message()).isNotBlank().doesNotContain("Exception");
				});
				rows.add(row);
			}
		};
		try {
			GcpReader.readJsonLines("fuzz.jsonl", TextInput.open(new ByteArrayInputStream(bytes)), sink);
			assertThat(rows).isSorted().doesNotHaveDuplicates().allSatisfy(row -> assertThat(row).isPositive());
		}
		catch (InvalidFileException ex) {
			assertThat(ex.getMessage()).startsWith("fuzz.jsonl: ").doesNotContain("Exception");
		}
		catch (IOException ex) {
			assertThat(ex.getMessage()).containsPattern("^line \\d+|UTF-16");
		}
	}

	@Provide
	Arbitrary<byte[]> mutated() {
		return MutatedInputs.of(REAL);
	}

	private static String read() {
		try {
			return Files.readString(Path.of("../src/test/resources/fixtures/gcp/gcp-billing.jsonl"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
