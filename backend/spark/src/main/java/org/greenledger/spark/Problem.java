package org.greenledger.spark;

import java.io.Serializable;

/**
 * An error of a rejected row, or (row 0, column "(file)") the reason a file is not read.
 *
 * @param file the source file's name in the output
 * @param row the row in the file, as core's readers number it
 * @param column the column, or "(file)"
 * @param reason what is wrong, in the user's words
 */
record Problem(String file, long row, String column, String reason) implements Serializable {

	static final String WHOLE_FILE = "(file)";

}
