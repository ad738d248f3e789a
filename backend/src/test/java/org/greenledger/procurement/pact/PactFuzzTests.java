package org.greenledger.procurement.pact;

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

import org.greenledger.core.table.MutatedInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the PACT reader with mutations of a real-layout document: it reads footprints
 * or refuses the document with its own error listing where (a JSON path) and why, in our
 * words; nothing else escapes.
 */
class PactFuzzTests {

	private static final String DOCUMENT = read();

	@Property(tries = 500, seed = "11", shrinking = ShrinkingMode.OFF)
	void aDocumentIsReadOrRefusedWithItsErrors(@ForAll("mutated") byte[] bytes) {
		try {
			PactDocument document = PactReader.read("fuzz.json", new ByteArrayInputStream(bytes));
			assertThat(document).isNotNull();
		}
		catch (PactValidationException ex) {
			assertThat(ex.errors()).isNotEmpty()
				.allSatisfy(error -> assertThat(error.toString()).doesNotContain("Exception")
					.doesNotContain("StreamReadConstraints")
					.doesNotContain("tools.jackson"));
		}
	}

	@Provide
	Arbitrary<byte[]> mutated() {
		return MutatedInputs.of(DOCUMENT);
	}

	private static String read() {
		try {
			return Files.readString(Path.of("src/test/resources/fixtures/pact/v2-single.json"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
