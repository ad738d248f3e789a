package org.greenledger.core.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An uploaded file's bytes as UTF-8 text, checked while it is decoded: bytes that are not
 * UTF-8, NUL characters, lines longer than {@link InputLimits#maxLineChars()} and more
 * lines than {@link InputLimits#maxRows()} stop the file with a
 * {@link RefusedTextException} naming the line and character. A UTF-8 byte-order mark is
 * dropped; UTF-16 (with a byte-order mark, or recognised by its zero bytes) is refused
 * with a sentence saying how to save the file as UTF-8.
 */
public final class TextInput extends Reader {

	private final InputStream in;

	private final InputLimits limits;

	private final boolean checkLines;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();

	private boolean endOfInput;

	private boolean flushed;

	private long line = 1;

	private long column;

	private TextInput(InputStream in, InputLimits limits, boolean checkLines) {
		this.in = in;
		this.limits = limits;
		this.checkLines = checkLines;
	}

	/** Text with the process's limits ({@link InputLimits#current()}). */
	public static TextInput open(InputStream in) throws IOException {
		return open(in, InputLimits.current(), true);
	}

	/**
	 * @param checkLines whether line length and count are bounded (XML may come on one
	 * line; its elements are bounded instead)
	 */
	public static TextInput open(InputStream in, InputLimits limits, boolean checkLines) throws IOException {
		TextInput text = new TextInput(in, limits, checkLines);
		text.start();
		return text;
	}

	/** Reads the first bytes: drops a UTF-8 BOM, refuses UTF-16. */
	private void start() throws IOException {
		while (!this.endOfInput && this.bytes.remaining() < 64) {
			fill();
		}
		this.bytes.position(skipStart(this.bytes));
	}

	/**
	 * The length of a UTF-8 byte-order mark at the start of the first bytes (3 or 0).
	 * @throws RefusedTextException when the bytes are UTF-16 text
	 */
	static int skipStart(ByteBuffer head) throws RefusedTextException {
		int n = head.remaining();
		int b0 = (n > 0) ? head.get(0) & 0xff : -1;
		int b1 = (n > 1) ? head.get(1) & 0xff : -1;
		if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || looksLikeUtf16(head)) {
			throw new RefusedTextException("the file is UTF-16 text, and GreenLedger reads UTF-8: save it as UTF-8"
					+ " (in Excel: \"CSV UTF-8\") and send it again");
		}
		return (n >= 3 && b0 == 0xEF && b1 == 0xBB && (head.get(2) & 0xff) == 0xBF) ? 3 : 0;
	}

	/** Text of ASCII characters each followed (or preceded) by a zero byte. */
	private static boolean looksLikeUtf16(ByteBuffer head) {
		int n = Math.min(head.remaining(), 64) & ~1;
		if (n < 4) {
			return false;
		}
		int evenZeros = 0;
		int oddZeros = 0;
		for (int i = 0; i < n; i++) {
			if (head.get(i) == 0) {
				if (i % 2 == 0) {
					evenZeros++;
				}
				else {
					oddZeros++;
				}
			}
		}
		return evenZeros == n / 2 && oddZeros == 0 || oddZeros == n / 2 && evenZeros == 0;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		CharBuffer out = CharBuffer.wrap(buffer, offset, length);
		while (out.position() == offset) {
			if (this.flushed) {
				return -1;
			}
			CoderResult result = this.decoder.decode(this.bytes, out, this.endOfInput);
			if (result.isError()) {
				check(buffer, offset, out.position());
				throw new RefusedTextException("line " + this.line + ", character " + (this.column + 1)
						+ ": the bytes there are not UTF-8 text; save the file as UTF-8 and send it again");
			}
			if (result.isUnderflow()) {
				if (this.endOfInput) {
					this.decoder.flush(out);
					this.flushed = true;
				}
				else if (out.position() == offset) {
					fill();
				}
			}
		}
		check(buffer, offset, out.position());
		return out.position() - offset;
	}

	/** Checks the characters just decoded, keeping the line and character. */
	private void check(char[] chars, int from, int to) throws RefusedTextException {
		for (int i = from; i < to; i++) {
			char c = chars[i];
			if (c == '\n') {
				this.line++;
				this.column = 0;
				if (this.checkLines && this.line > this.limits.maxRows()) {
					throw new RefusedTextException("the file has more than " + this.limits.maxRows()
							+ " lines (greenledger.ingestion.limits.max-rows)");
				}
				continue;
			}
			this.column++;
			if (c == 0) {
				throw new RefusedTextException("line " + this.line + ", character " + this.column
						+ ": the text contains a NUL character, which text files do not; the file is damaged or"
						+ " not a text export");
			}
			if (this.checkLines && this.column > this.limits.maxLineChars()) {
				throw new RefusedTextException("line " + this.line + " is longer than " + this.limits.maxLineChars()
						+ " characters (greenledger.ingestion.limits.max-line-chars)");
			}
		}
	}

	private void fill() throws IOException {
		this.bytes.compact();
		int count = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		if (count < 0) {
			this.endOfInput = true;
		}
		else {
			this.bytes.position(this.bytes.position() + count);
		}
		this.bytes.flip();
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
