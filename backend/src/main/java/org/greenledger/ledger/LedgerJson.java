package org.greenledger.ledger;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the ledger (dimensions, tag sets, lineage, series labels, CodeCarbon
 * runs): numbers with a fraction are read as {@code BigDecimal}, so that amounts stay
 * exact, and an object with a key twice is refused. It writes exactly as the ingestion
 * module's mapper does, so that the canonical texts that content ids are derived from are
 * unchanged. The ledger reads only JSON it wrote itself; untrusted input is bounded where
 * it is read (ingestion).
 */
final class LedgerJson {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private LedgerJson() {
	}

}
