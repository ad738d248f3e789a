package org.greenledger.ingestion.api;

import java.util.Arrays;

/**
 * What ends a part of a multipart body, and how to find it ({@link MultipartParts}):
 * Horspool on pairs of bytes, the two bytes under the delimiter's last two positions
 * telling how far it can move on. A boundary rarely holds the pairs of bytes a file does,
 * so the window mostly moves on by nearly its length.
 */
final class Delimiter {

	private final byte[] bytes;

	/** How far a window may move on, by its last two bytes. */
	private final char[] shift = new char[1 << 16];

	Delimiter(byte[] bytes) {
		this.bytes = bytes;
		int m = bytes.length;
		char[] shift = this.shift;
		// no pair of the delimiter ends in the window's last two bytes: it can start
		// after them, or right at the last byte when that is its first
		Arrays.fill(shift, (char) m);
		int first = bytes[0] & 0xff;
		for (int previous = 0; previous < 256; previous++) {
			shift[previous << 8 | first] = (char) (m - 1);
		}
		// else as far as the rightmost such pair short of the delimiter's end
		for (int s = m - 2; s >= 1; s--) {
			shift[(bytes[m - 2 - s] & 0xff) << 8 | (bytes[m - 1 - s] & 0xff)] = (char) s;
		}
	}

	/** The same delimiter without its first two bytes (CR LF). */
	Delimiter withoutLineEnd() {
		return new Delimiter(Arrays.copyOfRange(this.bytes, 2, this.bytes.length));
	}

	int length() {
		return this.bytes.length;
	}

	/** Where the delimiter starts in {@code b} between from and end, or -1. */
	int find(byte[] b, int from, int end) {
		byte[] d = this.bytes;
		int m = d.length;
		char[] skip = this.shift;
		byte last = d[m - 1];
		int i = from + m - 1;
		while (i < end) {
			byte x = b[i];
			if (x == last && Arrays.equals(b, i - m + 1, i, d, 0, m - 1)) {
				return i - m + 1;
			}
			i += skip[(b[i - 1] & 0xff) << 8 | (x & 0xff)];
		}
		return -1;
	}

}
