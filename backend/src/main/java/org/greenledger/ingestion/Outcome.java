package org.greenledger.ingestion;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a file's run through a {@link Pipeline} came to, for the job that completes with
 * it.
 *
 * @param format the format the file was read as
 * @param account how its rows were accounted for (with the billed cost of billing files)
 * @param replaced the earlier lines it replaced (or, appending, overlapped)
 * @param measured for measured data, what the file held in total; null otherwise
 * @param notes what is not an error but worth knowing
 * @param limit the limit on rejected rows the file was held to; null when it had none
 */
record Outcome(String format, RowAccount account, List<Map<String, Object>> replaced,
		@Nullable Map<String, Object> measured, List<?> notes, @Nullable RejectionLimit limit) {

}
