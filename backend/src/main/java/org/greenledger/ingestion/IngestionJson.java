package org.greenledger.ingestion;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the ingestion module (JSON cells of input files, job records,
 * lineage): numbers with a fraction are read as {@code BigDecimal}, so that amounts stay
 * exact.
 */
public final class IngestionJson {

	public static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private IngestionJson() {
	}

}
