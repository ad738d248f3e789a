package org.greenledger.ingestion;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens an uploaded file as text: gzip is recognised by its magic bytes (not its name)
 * and a UTF-8 byte-order mark is dropped. Reading streams; nothing is held in memory.
 */
public final class InputFiles {

	private static final int GZIP_MAGIC_1 = 0x1f;

	private static final int GZIP_MAGIC_2 = 0x8b;

	private InputFiles() {
	}

	public static Reader open(Path file) throws IOException {
		return open(Files.newInputStream(file));
	}

	public static Reader open(InputStream raw) throws IOException {
		PushbackInputStream text = new PushbackInputStream(decompressed(raw), 3);
		byte[] bom = text.readNBytes(3);
		if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
			text.unread(bom);
		}
		return new InputStreamReader(text, StandardCharsets.UTF_8);
	}

	/**
	 * The content as bytes, decompressed when it is gzip (recognised by its magic bytes);
	 * a byte-order mark is left in place. Buffered, so that readers may mark and peek.
	 */
	public static BufferedInputStream decompressed(InputStream raw) throws IOException {
		PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(raw, 1 << 16), 3);
		if (startsWith(in, GZIP_MAGIC_1, GZIP_MAGIC_2)) {
			return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
		}
		return new BufferedInputStream(in, 1 << 16);
	}

	private static boolean startsWith(PushbackInputStream in, int first, int second) throws IOException {
		byte[] head = in.readNBytes(2);
		in.unread(head);
		return head.length == 2 && (head[0] & 0xff) == first && (head[1] & 0xff) == second;
	}

}
