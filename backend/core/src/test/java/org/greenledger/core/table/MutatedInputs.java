package org.greenledger.core.table;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutations of a real file for property-based fuzzing: a few characters inserted, deleted
 * or replaced at random places (from characters that matter to parsers: quotes, brackets,
 * angle brackets, digits, signs, NUL, non-ASCII), or the file cut short.
 */
public final class MutatedInputs {

	private static final String SPECIAL = "\"{}[]<>/&;:,.-+eE0129\\\0\u00e9\u20ac\n ";

	private MutatedInputs() {
	}

	/** Mutations of the text (UTF-8 bytes). */
	public static Arbitrary<byte[]> of(String text) {
		Arbitrary<Integer> position = Arbitraries.integers().between(0, text.length());
		Arbitrary<String> inserted = Arbitraries.strings().withChars(SPECIAL).ofMinLength(1).ofMaxLength(4);
		Arbitrary<Mutation> mutation = Combinators
			.combine(Arbitraries.integers().between(0, 3), position, inserted, Arbitraries.integers().between(1, 8))
			.as(Mutation::new);
		return mutation.list().ofMinSize(1).ofMaxSize(4).map(mutations -> apply(text, mutations));
	}

	private static byte[] apply(String text, List<Mutation> mutations) {
		StringBuilder result = new StringBuilder(text);
		for (Mutation each : mutations) {
			int at = Math.min(each.position, result.length());
			switch (each.kind) {
				case 0 -> result.insert(at, each.text);
				case 1 -> result.delete(at, Math.min(result.length(), at + each.length));
				case 2 -> result.replace(at, Math.min(result.length(), at + each.text.length()), each.text);
				default -> result.setLength(at);
			}
		}
		return result.toString().getBytes(StandardCharsets.UTF_8);
	}

	private record Mutation(int kind, int position, String text, int length) {
	}

}
