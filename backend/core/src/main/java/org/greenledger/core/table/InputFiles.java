package org.greenledger.core.table;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an uploaded file as text: gzip is recognised by its magic bytes (not its name)
 * and decompressed within the bounds of {@link InputLimits} (size, ratio, nothing after
 * the gzip data), and a UTF-8 byte-order mark is dropped. Reading streams; nothing is
 * held in memory.
 */
public final class InputFiles {

	private static final int GZIP_MAGIC_1 = 0x1f;

	private static final int GZIP_MAGIC_2 = 0x8b;

	private InputFiles() {
	}

	public static Reader open(Path file) throws IOException {
		return open(Files.newInputStream(file));
	}

	/**
	 * The content as checked UTF-8 text ({@link TextInput}: invalid bytes, NUL
	 * characters, overlong lines and UTF-16 are refused with the line and character).
	 */
	public static Reader open(InputStream raw) throws IOException {
		return TextInput.open(decompressed(raw));
	}

	/**
	 * The content as bytes, decompressed when it is gzip (recognised by its magic bytes);
	 * a byte-order mark is left in place. Buffered, so that readers may mark and peek.
	 */
	public static BufferedInputStream decompressed(InputStream raw) throws IOException {
		PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(raw, 1 << 16), 3);
		if (startsWith(in, GZIP_MAGIC_1, GZIP_MAGIC_2)) {
			return new BufferedInputStream(new GzipInput(in, InputLimits.current()), 1 << 16);
		}
		return new BufferedInputStream(in, 1 << 16);
	}

	private static boolean startsWith(PushbackInputStream in, int first, int second) throws IOException {
		byte[] head = in.readNBytes(2);
		in.unread(head);
		return head.length == 2 && (head[0] & 0xff) == first && (head[1] & 0xff) == second;
	}

}
