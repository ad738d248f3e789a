package org.greenledger.core.table;

/**
 * The well-formed UTF-8 byte sequences (The Unicode Standard, table 3-7), which are the
 * ones Java's UTF-8 decoder accepts: no overlong forms, no surrogates, nothing above
 * U+10FFFF.
 */
final class Utf8 {

	private Utf8() {
	}

	/**
	 * The length (2 to 4) of the well-formed sequence of a character outside ASCII that
	 * starts at {@code at}; -1 when the bytes there are not one; 0 when they are the
	 * beginning of one that continues at or beyond {@code to}.
	 */
	static int sequence(byte[] bytes, int at, int to) {
		int lead = bytes[at] & 0xff;
		int length;
		int low = 0x80;
		int high = 0xBF;
		if (lead >= 0xC2 && lead <= 0xDF) {
			length = 2;
		}
		else if (lead >= 0xE0 && lead <= 0xEF) {
			length = 3;
			low = (lead == 0xE0) ? 0xA0 : 0x80;
			high = (lead == 0xED) ? 0x9F : 0xBF;
		}
		else if (lead >= 0xF0 && lead <= 0xF4) {
			length = 4;
			low = (lead == 0xF0) ? 0x90 : 0x80;
			high = (lead == 0xF4) ? 0x8F : 0xBF;
		}
		else {
			return -1;
		}
		for (int i = 1; i < length; i++) {
			if (at + i >= to) {
				return 0;
			}
			int next = bytes[at + i] & 0xff;
			if (next < low || next > high) {
				return -1;
			}
			low = 0x80;
			high = 0xBF;
		}
		return length;
	}

	/**
	 * The number of Java characters (UTF-16 units) of well-formed UTF-8 bytes: one per
	 * character, two for those outside the Basic Multilingual Plane (four bytes).
	 */
	static int chars(byte[] bytes, int from, int to) {
		int chars = 0;
		for (int i = from; i < to; i++) {
			int b = bytes[i];
			if (b >= 0) {
				chars++;
			}
			else if ((b & 0xC0) != 0x80) {
				chars += ((b & 0xF8) == 0xF0) ? 2 : 1;
			}
		}
		return chars;
	}

	/**
	 * The first Java character of the well-formed character that starts at {@code at}.
	 */
	static char firstChar(byte[] bytes, int at) {
		int b = bytes[at];
		if (b >= 0) {
			return (char) b;
		}
		int length = ((b & 0xE0) == 0xC0) ? 2 : ((b & 0xF0) == 0xE0) ? 3 : 4;
		return new String(bytes, at, length, java.nio.charset.StandardCharsets.UTF_8).charAt(0);
	}

}
