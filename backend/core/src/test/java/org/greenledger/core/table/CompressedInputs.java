package org.greenledger.core.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/** Generated compressed inputs for tests outside this package. */
public final class CompressedInputs {

	private CompressedInputs() {
	}

	/** Gzip of {@code count} zero bytes, made without holding them. */
	public static byte[] gzipZeros(long count) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
			byte[] block = new byte[1 << 16];
			for (long written = 0; written < count; written += block.length) {
				gzip.write(block);
			}
		}
		return out.toByteArray();
	}

}
