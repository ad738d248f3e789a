package org.greenledger.core.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.jspecify.annotations.Nullable;

/**
 * A Parquet file (FOCUS, AWS CUR 2.0 and other billing exports) as a {@link Table}: the
 * top-level columns in schema order are the header, and each record is flattened to text
 * cells that read like the same export as CSV (see {@link ParquetValues}; maps, lists and
 * structs become JSON text).
 * <p>
 * Parquet is read from its footer, so {@link #open} first copies the content to a
 * temporary file in the given directory, which {@link #close} deletes. Rows are read one
 * row group at a time (its compressed bytes in memory, pages decompressed one by one),
 * never the whole file. The file is untrusted: {@link ParquetLimits} bound its size,
 * columns, footer, row groups, pages, total decompressed bytes and values per row. A file
 * beyond a limit, damaged, truncated or not Parquet at all is an {@link IOException}
 * whose message says so ({@link MalformedTableException} when its structure is broken).
 */
public final class ParquetTable implements Table {

	/** Whether a file's first bytes are Parquet's magic number ({@code PAR1}). */
	public static boolean isParquet(byte[] head) {
		return head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
	}

	private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ENCRYPTED_MAGIC = "PARE".getBytes(StandardCharsets.US_ASCII);

	private final Path file;

	private final ParquetFileReader reader;

	private final MessageColumnIO columns;

	private final ParquetRows rows;

	private final List<String> header;

	private @Nullable RecordReader<List<String>> records;

	private long remainingInRowGroup;

	private ParquetTable(Path file, ParquetFileReader reader, MessageType schema, ParquetLimits limits) {
		this.file = file;
		this.reader = reader;
		this.columns = new ColumnIOFactory().getColumnIO(schema);
		this.rows = new ParquetRows(schema, limits.maxValuesPerRow());
		this.header = schema.getFields().stream().map(Type::getName).toList();
	}

	/**
	 * Opens a Parquet file: reads {@code content} (already decompressed, for example from
	 * a gzip upload) to its end into a temporary file in {@code workDirectory} (created
	 * if missing), checks its envelope, footer and declared sizes against {@code limits},
	 * and returns the table positioned before the first row. The caller closes
	 * {@code content}; closing the table deletes the temporary file (it is deleted at
	 * once when opening fails).
	 * @throws IOException when the file is beyond a limit, not Parquet, truncated or
	 * damaged, with a message fit for the person who uploaded it
	 */
	public static ParquetTable open(InputStream content, Path workDirectory, ParquetLimits limits) throws IOException {
		Files.createDirectories(workDirectory);
		Path file = Files.createTempFile(workDirectory, "upload-", ".parquet");
		boolean opened = false;
		try {
			spool(content, file, limits.maxFileSize());
			checkEnvelope(file, limits.maxFooterSize());
			ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
				.withCodecFactory(new ParquetCodecs(limits))
				.usePageChecksumVerification(true)
				.build();
			ParquetFileReader reader = readFooter(file, options);
			try {
				MessageType schema = reader.getFooter().getFileMetaData().getSchema();
				check(schema, reader.getRowGroups(), limits);
				ParquetTable table = new ParquetTable(file, reader, schema, limits);
				opened = true;
				return table;
			}
			finally {
				if (!opened) {
					reader.close();
				}
			}
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new MalformedTableException(
					"the Parquet schema cannot be read: the file is damaged or not a Parquet file", ex);
		}
		catch (LinkageError ex) {
			throw unreadableHere(ex);
		}
		finally {
			if (!opened) {
				Files.deleteIfExists(file);
			}
		}
	}

	private static void spool(InputStream content, Path file, long maxFileSize) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long size = 0;
		try (OutputStream out = Files.newOutputStream(file)) {
			for (int read = content.read(buffer); read != -1; read = content.read(buffer)) {
				size += read;
				if (size > maxFileSize) {
					throw new LimitExceededException("the Parquet file is larger than the limit of "
							+ ParquetLimits.size(maxFileSize) + " (greenledger.ingestion.parquet.max-file-size)");
				}
				out.write(buffer, 0, read);
			}
		}
	}

	/** PAR1 at both ends and a footer length that fits: a whole, unencrypted file. */
	private static void checkEnvelope(Path file, long maxFooterSize) throws IOException {
		try (SeekableByteChannel channel = Files.newByteChannel(file)) {
			long size = channel.size();
			byte[] head = (size >= 4) ? read(channel, 0, 4) : new byte[4];
			if (Arrays.equals(head, ENCRYPTED_MAGIC)) {
				throw new MalformedTableException("the Parquet file is encrypted, which is not supported");
			}
			if (!Arrays.equals(head, MAGIC)) {
				throw new MalformedTableException("the file is not Parquet (it does not start with PAR1)");
			}
			byte[] tail = (size >= 12) ? read(channel, size - 8, 8) : new byte[8];
			byte[] endMagic = Arrays.copyOfRange(tail, 4, 8);
			if (Arrays.equals(endMagic, ENCRYPTED_MAGIC)) {
				throw new MalformedTableException("the Parquet file is encrypted, which is not supported");
			}
			if (!Arrays.equals(endMagic, MAGIC)) {
				throw new MalformedTableException(
						"the Parquet file is truncated or damaged (it does not end with PAR1)");
			}
			long footer = Integer.toUnsignedLong(ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
			if (footer > size - 12) {
				throw new MalformedTableException("the Parquet file is truncated or damaged (its footer of " + footer
						+ " bytes does not fit in the " + size + " bytes of the file)");
			}
			if (footer > maxFooterSize) {
				throw new LimitExceededException("the Parquet footer is larger than the limit of "
						+ ParquetLimits.size(maxFooterSize) + " (greenledger.ingestion.parquet.max-footer-size)");
			}
		}
	}

	private static byte[] read(SeekableByteChannel channel, long position, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		channel.position(position);
		while (buffer.hasRemaining() && channel.read(buffer) != -1) {
			// until full
		}
		return buffer.array();
	}

	private static ParquetFileReader readFooter(Path file, ParquetReadOptions options) throws IOException {
		try {
			return new ParquetFileReader(new LocalInputFile(file), options);
		}
		catch (IOException | RuntimeException ex) {
			throw new MalformedTableException(
					"the Parquet footer cannot be read: the file is damaged, truncated or not a Parquet file", ex);
		}
	}

	/** The schema and every row group's declared sizes, before any row is read. */
	private static void check(MessageType schema, List<BlockMetaData> rowGroups, ParquetLimits limits)
			throws IOException {
		int leaves = schema.getColumns().size();
		if (leaves > limits.maxColumns()) {
			throw new LimitExceededException("the Parquet file has " + leaves + " columns, more than the limit of "
					+ limits.maxColumns() + " (greenledger.ingestion.parquet.max-columns)");
		}
		long declared = 0;
		for (int i = 0; i < rowGroups.size(); i++) {
			BlockMetaData rowGroup = rowGroups.get(i);
			long size = Math.max(rowGroup.getTotalByteSize(), rowGroup.getCompressedSize());
			if (size < 0 || size > limits.maxRowGroupSize()) {
				throw new LimitExceededException("row group " + (i + 1) + " of the Parquet file declares " + size
						+ " bytes, more than the limit of " + ParquetLimits.size(limits.maxRowGroupSize())
						+ " (greenledger.ingestion.parquet.max-row-group-size)");
			}
			declared += size;
			for (ColumnChunkMetaData column : rowGroup.getColumns()) {
				if (!ParquetCodecs.SUPPORTED.contains(column.getCodec())) {
					throw new MalformedTableException(
							"column " + column.getPath().toDotString() + " of the Parquet file is compressed with "
									+ column.getCodec() + ", which is not read (SNAPPY, GZIP, ZSTD or none are)");
				}
			}
		}
		if (declared > limits.maxDecompressedSize()) {
			throw new LimitExceededException("the Parquet file declares " + declared
					+ " bytes decompressed, more than the limit of " + ParquetLimits.size(limits.maxDecompressedSize())
					+ " (greenledger.ingestion.parquet.max-decompressed-size)");
		}
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public @Nullable List<String> next() throws IOException {
		try {
			while (this.remainingInRowGroup == 0) {
				PageReadStore rowGroup = this.reader.readNextRowGroup();
				if (rowGroup == null) {
					return null;
				}
				this.remainingInRowGroup = rowGroup.getRowCount();
				this.records = this.columns.getRecordReader(rowGroup, this.rows);
			}
			this.remainingInRowGroup--;
			return this.records.read();
		}
		catch (IOException | RuntimeException ex) {
			throw failure(ex);
		}
		catch (LinkageError ex) {
			throw unreadableHere(ex);
		}
	}

	private static IOException unreadableHere(LinkageError ex) {
		return new UnreadableHereException(
				"this installation cannot read a part of the Parquet file (" + message(ex) + ")", ex);
	}

	/** What went wrong while reading rows, as the exception the reader reports. */
	private static IOException failure(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof LimitExceededException || cause instanceof MalformedTableException
					|| cause instanceof UnreadableHereException) {
				return (IOException) cause;
			}
		}
		if (ex instanceof UncheckedIOException unchecked) {
			return unchecked.getCause();
		}
		return new MalformedTableException(
				"the Parquet data is damaged: a page or its header cannot be decoded (the file was changed or cut"
						+ " after it was written)",
				ex);
	}

	private static String message(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return (ex == root || ex.getMessage() == null) ? message : ex.getMessage() + " (" + message + ")";
	}

	@Override
	public void close() throws IOException {
		try {
			this.reader.close();
		}
		finally {
			Files.deleteIfExists(this.file);
		}
	}

}
