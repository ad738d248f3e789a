package org.greenledger.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a task found in one split besides its activity lines, sent to the driver through
 * an accumulator: the split's accounting, its rejected rows (or the reason it could not
 * be read) and the factor lists its lines reference that the task had not reported yet.
 *
 * @param file the file's name in the output
 * @param split the split's index in the file
 * @param account the split's rows and billed cost
 * @param problems its rejected rows' errors; one {@link Problem#WHOLE_FILE} entry when
 * the split could not be read
 * @param factors factors by id, as JSON objects
 * @param factorLists factor lists by id: the ids of their factors
 * @param rollups the monthly rollups of the split's lines
 */
record SplitReport(String file, int split, FileAccount account, List<Problem> problems, Map<String, String> factors,
		Map<String, List<String>> factorLists, MonthlyRollups rollups) implements Serializable {

}
