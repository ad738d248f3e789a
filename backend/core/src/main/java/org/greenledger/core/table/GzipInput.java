package org.greenledger.core.table;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses gzip (RFC 1952) with the bounds of {@link InputLimits}: the decompressed
 * size and the compression ratio are checked as the bytes come out, so a bomb is refused
 * after at most {@link InputLimits#RATIO_ALLOWANCE} bytes rather than read to its end.
 * Several gzip members one after the other are one file (as {@code cat a.gz b.gz} makes);
 * anything else after the last member is refused, as are damaged headers, checksums and
 * truncated data. Errors are {@link IOException}s whose message is fit for the person who
 * uploaded the file.
 */
public final class GzipInput extends InputStream {

	private static final int MAX_HEADER_FIELD = 64 * 1024;

	private final InputStream in;

	private final InputLimits limits;

	private final Inflater inflater = new Inflater(true);

	private final CRC32 crc = new CRC32();

	private final byte[] input = new byte[1 << 16];

	private int position;

	private int limit;

	private long compressed;

	private long decompressed;

	private long memberSize;

	private boolean end;

	/**
	 * @param in the compressed bytes, positioned at the gzip magic bytes
	 * @param limits the bounds to check
	 * @throws IOException when the first member's header is damaged
	 */
	public GzipInput(InputStream in, InputLimits limits) throws IOException {
		this.in = in;
		this.limits = limits;
		if (rawByte() != 0x1f || rawByte() != 0x8b) {
			throw new MalformedTableException("the gzip header is damaged (wrong magic bytes)");
		}
		header();
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.end) {
			return -1;
		}
		if (length == 0) {
			return 0;
		}
		while (true) {
			int count;
			try {
				count = this.inflater.inflate(buffer, offset, length);
			}
			catch (DataFormatException ex) {
				throw new MalformedTableException("the gzip data is damaged at compressed byte " + this.compressed
						+ " (it is not valid deflate data)");
			}
			if (count > 0) {
				this.crc.update(buffer, offset, count);
				this.memberSize += count;
				this.decompressed += count;
				check();
				return count;
			}
			if (this.inflater.finished()) {
				this.position = this.limit - this.inflater.getRemaining();
				trailer();
				if (!nextMember()) {
					this.end = true;
					return -1;
				}
			}
			else if (this.inflater.needsInput()) {
				if (this.position == this.limit && !refill()) {
					throw new EOFException("the gzip data ends unexpectedly");
				}
				this.inflater.setInput(this.input, this.position, this.limit - this.position);
				this.position = this.limit;
			}
			else {
				throw new MalformedTableException("the gzip data is damaged (it asks for a preset dictionary)");
			}
		}
	}

	private void check() throws LimitExceededException {
		if (this.decompressed > this.limits.maxDecompressedSize()) {
			throw new LimitExceededException(
					"the file expands to more than " + ParquetLimits.size(this.limits.maxDecompressedSize())
							+ " when decompressed (greenledger.ingestion.limits.max-decompressed-size)");
		}
		if (this.decompressed > InputLimits.RATIO_ALLOWANCE
				&& this.decompressed / Math.max(1, this.compressed) > this.limits.maxCompressionRatio()) {
			throw new LimitExceededException("the file expands more than " + this.limits.maxCompressionRatio()
					+ " times when decompressed (" + ParquetLimits.size(this.compressed) + " became more than "
					+ ParquetLimits.size(this.decompressed)
					+ "), which real exports do not; it is refused as a compression bomb"
					+ " (greenledger.ingestion.limits.max-compression-ratio)");
		}
	}

	/** Reads a member's header after its magic bytes (RFC 1952, section 2.3). */
	private void header() throws IOException {
		if (rawByte() != 8) {
			throw new MalformedTableException("the gzip data uses a compression method other than deflate");
		}
		int flags = required();
		for (int i = 0; i < 6; i++) {
			required();
		}
		if ((flags & 4) != 0) {
			int extra = required() | (required() << 8);
			for (int i = 0; i < extra; i++) {
				required();
			}
		}
		for (int field : new int[] { 8, 16 }) {
			if ((flags & field) != 0) {
				int length = 0;
				while (required() != 0) {
					if (++length > MAX_HEADER_FIELD) {
						throw new MalformedTableException("the gzip header is damaged (a name or comment longer than "
								+ MAX_HEADER_FIELD + " bytes)");
					}
				}
			}
		}
		if ((flags & 2) != 0) {
			required();
			required();
		}
		this.inflater.reset();
		this.crc.reset();
		this.memberSize = 0;
	}

	private void trailer() throws IOException {
		long crc = readInt();
		long size = readInt();
		if (crc != this.crc.getValue() || size != (this.memberSize & 0xffffffffL)) {
			throw new MalformedTableException("the gzip data is damaged (its checksum or length does not match)");
		}
	}

	/** Whether another member follows; throws when other bytes do. */
	private boolean nextMember() throws IOException {
		long at = this.compressed - (this.limit - this.position);
		int first = rawByte();
		if (first < 0) {
			return false;
		}
		if (first != 0x1f || rawByte() != 0x8b) {
			throw new MalformedTableException("the file has bytes after the end of its gzip data (from byte " + at
					+ " on); it is damaged or several files were joined. Compress the export again and send it");
		}
		header();
		return true;
	}

	private long readInt() throws IOException {
		return required() | (required() << 8) | (required() << 16) | ((long) required() << 24);
	}

	private int required() throws IOException {
		int b = rawByte();
		if (b < 0) {
			throw new EOFException("the gzip data ends unexpectedly");
		}
		return b;
	}

	private int rawByte() throws IOException {
		if (this.position == this.limit && !refill()) {
			return -1;
		}
		return this.input[this.position++] & 0xff;
	}

	private boolean refill() throws IOException {
		int count = this.in.read(this.input, 0, this.input.length);
		if (count <= 0) {
			return false;
		}
		this.position = 0;
		this.limit = count;
		this.compressed += count;
		return true;
	}

	@Override
	public void close() throws IOException {
		this.inflater.end();
		this.in.close();
	}

}
