package org.greenledger.procurement.pact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Fixture access for the PACT reader tests.
 */
final class PactFixtures {

	private PactFixtures() {
	}

	static String text(String name) {
		try (InputStream in = PactFixtures.class.getResourceAsStream("/fixtures/pact/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static PactDocument read(String json) {
		return PactReader.read("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

	static PactDocument readFixture(String name) {
		return read(text(name));
	}

	static List<String> errors(String json) {
		PactValidationException ex = catchThrowableOfType(PactValidationException.class, () -> read(json));
		if (ex == null) {
			throw new AssertionError("expected the document to be refused");
		}
		return ex.errors().stream().map(PactError::toString).toList();
	}

	/** The valid 3.x fixture with one text replacement (which must apply). */
	static String v3With(String from, String to) {
		return replaced(text("v3-it-service.json"), from, to);
	}

	/** The valid 2.x fixture with one text replacement (which must apply). */
	static String v2With(String from, String to) {
		return replaced(text("v2-single.json"), from, to);
	}

	private static String replaced(String text, String from, String to) {
		if (!text.contains(from)) {
			throw new IllegalArgumentException("fixture has no " + from);
		}
		return text.replace(from, to);
	}

}
