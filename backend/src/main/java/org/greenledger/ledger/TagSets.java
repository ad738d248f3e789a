package org.greenledger.ledger;

import java.util.Map;
import java.util.TreeMap;

/** Tag sets as stored: a JSON object with the keys sorted. */
final class TagSets {

	private TagSets() {
	}

	static String canonical(Map<String, String> tags) {
		return LedgerJson.MAPPER.writeValueAsString(new TreeMap<>(tags));
	}

}
