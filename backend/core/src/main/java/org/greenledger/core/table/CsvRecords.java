package org.greenledger.core.table;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The records of a CSV, one list of fields at a time: read from decoded characters
 * ({@link CsvTokenizer}) or from checked UTF-8 bytes ({@link ByteCsvTokenizer}), with the
 * same fields and the same errors.
 */
interface CsvRecords {

	/** The next record's fields, or null at the end of the input. */
	@Nullable List<String> next() throws IOException;

	/**
	 * Materialises only the cells of the given columns from now on: the others are read
	 * past and given as empty strings (a record of one field keeps its field, so that
	 * blank lines are still told apart).
	 */
	void readOnly(BitSet columns);

}
