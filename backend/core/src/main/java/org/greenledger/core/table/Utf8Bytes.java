package org.greenledger.core.table;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An uploaded file's bytes checked as {@link TextInput} checks them, but not decoded: the
 * CSV tokenizer finds delimiters, quotes and line ends in the bytes (UTF-8 encodes every
 * ASCII character as itself and no other character uses those bytes) and decodes only the
 * cells it keeps. Every byte handed out has been checked in file order, with TextInput's
 * errors in the same words at the same line and character: bytes that are not UTF-8 (the
 * standard's well-formed sequences, as Java's decoder reads them), NUL, lines longer than
 * {@link InputLimits#maxLineChars()} characters (a character outside the Basic
 * Multilingual Plane counts two, as in Java text) and more lines than
 * {@link InputLimits#maxRows()}. A UTF-8 byte-order mark is dropped; UTF-16 is refused.
 * Only whole characters are handed out.
 */
final class Utf8Bytes implements Closeable {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private final InputStream in;

	private final InputLimits limits;

	/** Bytes read and not handed out yet: {@code [start, end)}. */
	private final byte[] bytes = new byte[1 << 16];

	private int start;

	private int end;

	private boolean endOfInput;

	private long line = 1;

	private long column;

	/** Whether a byte outside ASCII has been handed out. */
	private boolean nonAscii;

	private Utf8Bytes(InputStream in, InputLimits limits) {
		this.in = in;
		this.limits = limits;
	}

	/** The bytes of a text file, after its byte-order mark. */
	static Utf8Bytes open(InputStream in, InputLimits limits) throws IOException {
		Utf8Bytes text = new Utf8Bytes(in, limits);
		while (!text.endOfInput && text.end < 64) {
			text.fill();
		}
		text.start = TextInput.skipStart(ByteBuffer.wrap(text.bytes, 0, text.end));
		return text;
	}

	/**
	 * Whether a character outside ASCII has been handed out (until then a number of bytes
	 * is the number of characters).
	 */
	boolean nonAscii() {
		return this.nonAscii;
	}

	/**
	 * Checks and copies up to {@code length} (at least 4) bytes of whole characters.
	 * @return the number of bytes copied, at least 1, or -1 at the end of the input
	 * @throws RefusedTextException at the first byte that is not allowed
	 */
	int read(byte[] buffer, int offset, int length) throws IOException {
		while (true) {
			if (this.start == this.end) {
				if (this.endOfInput) {
					return -1;
				}
				fill();
				continue;
			}
			int checked = check(Math.min(this.end, this.start + length));
			if (checked > this.start) {
				int count = checked - this.start;
				System.arraycopy(this.bytes, this.start, buffer, offset, count);
				this.start = checked;
				return count;
			}
			// a character's bytes continue beyond those read so far
			fill();
		}
	}

	private void fill() throws IOException {
		if (this.start > 0) {
			System.arraycopy(this.bytes, this.start, this.bytes, 0, this.end - this.start);
			this.end -= this.start;
			this.start = 0;
		}
		int count = this.in.read(this.bytes, this.end, this.bytes.length - this.end);
		if (count < 0) {
			this.endOfInput = true;
		}
		else {
			this.end += count;
		}
	}

	/**
	 * Checks the bytes from {@code start} up to {@code to}, in order; returns where the
	 * checked whole characters end (before a character whose bytes continue beyond
	 * {@code to}).
	 */
	private int check(int to) throws RefusedTextException {
		byte[] b = this.bytes;
		int i = this.start;
		long column = this.column;
		while (i < to) {
			// eight bytes at a time while none is a control character up to LF or
			// outside ASCII ((x - 11) borrows into the high bit for bytes below 11)
			if (i + 8 <= to) {
				long word = (long) LONGS.get(b, i);
				if ((((word - 11 * ONES) | word) & HIGH_BITS) == 0) {
					column += 8;
					i += 8;
					continue;
				}
			}
			int c = b[i];
			if (c >= 0) {
				if (c == '\n') {
					this.column = column;
					lineTooLong();
					this.line++;
					column = 0;
					if (this.line > this.limits.maxRows()) {
						throw new RefusedTextException("the file has more than " + this.limits.maxRows()
								+ " lines (greenledger.ingestion.limits.max-rows)");
					}
				}
				else {
					column++;
					if (c == 0) {
						this.column = column - 1;
						lineTooLong();
						throw new RefusedTextException("line " + this.line + ", character " + column
								+ ": the text contains a NUL character, which text files do not; the file is damaged"
								+ " or not a text export");
					}
				}
				i++;
				continue;
			}
			int length = Utf8.sequence(b, i, to);
			if (length == 0) {
				// a character cut off by "to": whole only with more bytes (or never)
				if (to < this.end || !this.endOfInput) {
					break;
				}
				length = -1;
			}
			this.column = column;
			lineTooLong();
			if (length < 0) {
				throw new RefusedTextException("line " + this.line + ", character " + (column + 1)
						+ ": the bytes there are not UTF-8 text; save the file as UTF-8 and send it again");
			}
			this.nonAscii = true;
			column += (length == 4) ? 2 : 1;
			i += length;
		}
		this.column = column;
		lineTooLong();
		return i;
	}

	/** Refuses the line when its characters so far are more than the limit. */
	private void lineTooLong() throws RefusedTextException {
		if (this.column > this.limits.maxLineChars()) {
			throw new RefusedTextException("line " + this.line + " is longer than " + this.limits.maxLineChars()
					+ " characters (greenledger.ingestion.limits.max-line-chars)");
		}
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
