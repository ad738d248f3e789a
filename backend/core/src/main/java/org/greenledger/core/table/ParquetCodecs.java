package org.greenledger.core.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import org.apache.commons.compress.compressors.snappy.SnappyCompressorInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Decompresses the pages of one Parquet file (read only) with the codecs real exports
 * use: SNAPPY (commons-compress, pure Java), GZIP (the JDK), ZSTD (zstd-jni, whose native
 * library is inside its jar) and none. Each page is checked before it is decompressed:
 * its declared size against {@link ParquetLimits#maxPageSize()}, the running total
 * against {@link ParquetLimits#maxDecompressedSize()}; the output is never larger than
 * declared, and a page whose data does not decompress to exactly its declared size is
 * damaged.
 */
final class ParquetCodecs implements CompressionCodecFactory {

	static final Set<CompressionCodecName> SUPPORTED = EnumSet.of(CompressionCodecName.UNCOMPRESSED,
			CompressionCodecName.SNAPPY, CompressionCodecName.GZIP, CompressionCodecName.ZSTD);

	/**
	 * Snappy encoders work in 64 KB blocks, so no back-reference reaches further than
	 * this.
	 */
	private static final int SNAPPY_WINDOW = 1 << 16;

	private final ParquetLimits limits;

	private long decompressed;

	ParquetCodecs(ParquetLimits limits) {
		this.limits = limits;
	}

	@Override
	public BytesInputCompressor getCompressor(CompressionCodecName codec) {
		throw new UnsupportedOperationException("GreenLedger only reads Parquet");
	}

	@Override
	public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
		return new Decompressor(codec);
	}

	@Override
	public void release() {
	}

	private byte[] decompress(CompressionCodecName codec, byte[] data, int size) throws IOException {
		if (size < 0 || size > this.limits.maxPageSize()) {
			throw new LimitExceededException("a page of the Parquet file declares " + size
					+ " bytes decompressed, more than the limit of " + ParquetLimits.size(this.limits.maxPageSize())
					+ " (greenledger.ingestion.parquet.max-page-size)");
		}
		this.decompressed += size;
		if (this.decompressed > this.limits.maxDecompressedSize()) {
			throw new LimitExceededException("the Parquet file decompresses to more than the limit of "
					+ ParquetLimits.size(this.limits.maxDecompressedSize())
					+ " (greenledger.ingestion.parquet.max-decompressed-size)");
		}
		byte[] result = switch (codec) {
			case UNCOMPRESSED -> data;
			case SNAPPY -> snappy(data, size);
			case GZIP -> exactly(new GZIPInputStream(new ByteArrayInputStream(data)), size, codec);
			case ZSTD -> zstd(data, size);
			default -> throw new MalformedTableException("the Parquet file is compressed with " + codec
					+ ", which is not read (SNAPPY, GZIP, ZSTD or none are)");
		};
		if (result.length != size) {
			throw damaged(codec, size);
		}
		return result;
	}

	private static byte[] snappy(byte[] data, int size) throws IOException {
		SnappyCompressorInputStream in = new SnappyCompressorInputStream(new ByteArrayInputStream(data), SNAPPY_WINDOW);
		if (in.getSize() != size) {
			throw damaged(CompressionCodecName.SNAPPY, size);
		}
		return exactly(in, size, CompressionCodecName.SNAPPY);
	}

	private static byte[] zstd(byte[] data, int size) throws IOException {
		byte[] result = new byte[size];
		try {
			long length = Zstd.decompressByteArray(result, 0, size, data, 0, data.length);
			if (length != size) {
				throw damaged(CompressionCodecName.ZSTD, size);
			}
			return result;
		}
		catch (ZstdException ex) {
			throw new MalformedTableException(damaged(CompressionCodecName.ZSTD, size).getMessage(), ex);
		}
		catch (LinkageError ex) {
			throw new UnreadableHereException(
					"ZSTD cannot be decompressed here: zstd-jni's native library did not load (" + ex.getMessage()
							+ "); the temporary directory must allow executables",
					ex);
		}
	}

	/** At most {@code size} bytes, and then the end of the stream. */
	private static byte[] exactly(InputStream in, int size, CompressionCodecName codec) throws IOException {
		try (in) {
			byte[] result = in.readNBytes(size);
			if (result.length != size || in.read() != -1) {
				throw damaged(codec, size);
			}
			return result;
		}
		catch (MalformedTableException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new MalformedTableException(
					"a " + codec + " page of the Parquet file is damaged (it cannot be" + " decompressed)", ex);
		}
	}

	private static MalformedTableException damaged(CompressionCodecName codec, int size) {
		return new MalformedTableException(
				"a " + codec + " page of the Parquet file does not decompress to the " + size + " bytes it declares");
	}

	private final class Decompressor implements BytesInputDecompressor {

		private final CompressionCodecName codec;

		Decompressor(CompressionCodecName codec) {
			this.codec = codec;
		}

		@Override
		public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
			return BytesInput.from(ParquetCodecs.this.decompress(this.codec, bytes.toByteArray(), uncompressedSize));
		}

		@Override
		public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
				throws IOException {
			byte[] data = new byte[compressedSize];
			input.get(data);
			output.put(ParquetCodecs.this.decompress(this.codec, data, uncompressedSize));
		}

		@Override
		public void release() {
		}

	}

}
