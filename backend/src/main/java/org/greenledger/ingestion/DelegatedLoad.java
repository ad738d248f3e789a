package org.greenledger.ingestion;

import java.util.List;
import java.util.Map;

/**
 * What a {@link DelegatedFormat} made of a file.
 *
 * @param format the format label stored on the job
 * @param read the rows (records) read
 * @param accepted the rows stored
 * @param notes facts about the load the job's report shows (replacements, ...), each with
 * a {@code note} text
 */
public record DelegatedLoad(String format, long read, long accepted, List<Map<String, Object>> notes) {

	public DelegatedLoad {
		notes = List.copyOf(notes);
	}

}
