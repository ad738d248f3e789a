package org.greenledger.core.table;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the ingestion module (JSON cells of input files, job records,
 * lineage): numbers with a fraction are read as {@code BigDecimal}, so that amounts stay
 * exact; an object with a key twice is refused (which value counts would be a guess), and
 * nesting, strings and numbers are bounded ({@link InputLimits#DEFAULTS}) before they are
 * in memory.
 */
public final class IngestionJson {

	public static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(InputLimits.DEFAULTS.maxNestingDepth())
				.maxStringLength(InputLimits.DEFAULTS.maxCellChars())
				.maxNumberLength(100)
				.build())
			.build())
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private IngestionJson() {
	}

	/**
	 * Why a JSON text could not be read, in a sentence of ours ("has the key 'cost'
	 * twice", "nests more than 32 levels"), never the parser's words.
	 */
	public static String describe(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		String lower = message.toLowerCase(java.util.Locale.ROOT);
		if (lower.startsWith("duplicate")) {
			int quote = message.indexOf('"');
			int end = (quote >= 0) ? message.indexOf('"', quote + 1) : -1;
			return "has the key " + ((end > quote) ? "'" + message.substring(quote + 1, end) + "'" : "") + " twice"
					+ " in one object (which value counts would be a guess)";
		}
		if (lower.contains("nesting depth")) {
			return "nests objects and arrays more than " + InputLimits.DEFAULTS.maxNestingDepth() + " levels deep";
		}
		if (lower.contains("number value length") || lower.contains("number length")) {
			return "has a number longer than 100 digits";
		}
		if (lower.contains("string value length") || lower.contains("string length")) {
			return "has a string longer than " + InputLimits.DEFAULTS.maxCellChars() + " characters";
		}
		tools.jackson.core.TokenStreamLocation location = ex.getLocation();
		return "is not valid JSON" + ((location != null && location.getColumnNr() > 0)
				? " (at character " + location.getColumnNr() + ")" : "");
	}

}
