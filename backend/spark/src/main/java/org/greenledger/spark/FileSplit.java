package org.greenledger.spark;

import java.io.Serializable;

/**
 * The part of a billing file one task reads: the whole file, or (a large plain CSV) a
 * byte range that starts and ends on record boundaries.
 *
 * @param file the file
 * @param index the split's place in the file, from 0
 * @param count how many splits the file has (1: the whole file)
 * @param start the byte where the split's first record starts (0 for the first split)
 * @param end the byte after the split's last record
 * @param rowsBefore the rows of the file before the split, as core's readers number them:
 * the split's n-th row is the file's row {@code rowsBefore + n}
 * @param headerEnd the byte after the file's header record (its line end included), read
 * before the range by a split that does not start at 0
 */
record FileSplit(SourceFile file, int index, int count, long start, long end, long rowsBefore,
		long headerEnd) implements Serializable {

	static FileSplit whole(SourceFile file) {
		return new FileSplit(file, 0, 1, 0, file.size(), 0, 0);
	}

	boolean isWhole() {
		return this.count == 1;
	}

}
