package org.greenledger.core.greenbutton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.MutatedInputs;
import org.greenledger.core.measured.ReadingContext;
import org.greenledger.core.measured.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the Green Button reader with mutations of a real-layout feed: whatever the
 * bytes, every reading is handed over or rejected with its row and a named column, or the
 * file is refused with its own error naming the file and, for XML errors, the line;
 * nothing else escapes (no parser exception, no number format exception).
 */
class GreenButtonFuzzTests {

	private static final String FEED = read();

	@Property(tries = 400, seed = "7", shrinking = ShrinkingMode.OFF)
	void everyReadingIsAccountedForOrTheFileIsRefused(@ForAll("mutated") byte[] bytes) {
		RecordingSink sink = RecordingSink.forMeters();
		try {
			GreenButtonReader.read("fuzz.xml", new ByteArrayInputStream(bytes), new ReadingContext("FRA1", null, null),
					sink);
			assertThat(sink.errors).allSatisfy(error -> {
				assertThat(error.row()).isPositive();
				assertThat(error.column()).isNotBlank();
				assertThat(error.message()).isNotBlank().doesNotContain("Exception");
			});
			assertThat(sink.intervals).allSatisfy(interval -> {
				assertThat(interval.amount()).isFinite().isNotNegative();
				assertThat(interval.endMillis()).isGreaterThan(interval.startMillis());
			});
		}
		catch (InvalidFileException ex) {
			assertThat(ex.getMessage()).startsWith("fuzz.xml: ").doesNotContain("Exception").doesNotContain("Message:");
		}
	}

	@Provide
	Arbitrary<byte[]> mutated() {
		return MutatedInputs.of(FEED);
	}

	private static String read() {
		try {
			return Files.readString(Path.of("../src/test/resources/fixtures/green-button/usage-15min.xml"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
