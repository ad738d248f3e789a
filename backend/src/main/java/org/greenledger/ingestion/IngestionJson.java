package org.greenledger.ingestion;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.greenledger.ingestion.table.InputLimits;

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

}
