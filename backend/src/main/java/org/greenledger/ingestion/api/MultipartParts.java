package org.greenledger.ingestion.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileUploadContentTypeException;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.MultipartInput.FileUploadBoundaryException;
import org.apache.commons.fileupload2.core.MultipartInput.MalformedStreamException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a {@code multipart/form-data} request body, read as they arrive: the
 * parts' headers are parsed by commons-fileupload (names, file names, RFC 2231), the body
 * is split here, with the same rules, limits and errors as commons-fileupload's own
 * iterator (a preamble before the first boundary and an epilogue after the last are
 * skipped, at most 512 bytes of headers per part, a part of type {@code multipart/mixed}
 * holds the files of its field), but found by skipping ahead (Horspool: the last byte of
 * a window tells how far the boundary can be) in a 64 KiB buffer instead of comparing
 * every byte, and read from the request in large blocks.
 */
final class MultipartParts {

	private static final int BUFFER = 1 << 16;

	/** The longest boundary commons-fileupload accepts (its 4,096-byte buffer). */
	private static final int MAX_DELIMITER = 4095;

	/**
	 * Reading stops when less room than this is left (Tomcat hands out 8 KiB at a time).
	 */
	private static final int MIN_READ = 1 << 13;

	/** commons-fileupload's default limit of a part's headers. */
	private static final int HEADER_BYTES_MAX = 512;

	private static final byte CR = '\r';

	private static final byte LF = '\n';

	private static final byte DASH = '-';

	private final JakartaServletFileUpload<?, ?> parser = new JakartaServletFileUpload<>();

	private final InputStream input;

	private final Charset headerCharset;

	private final byte[] buffer = new byte[BUFFER];

	private int head;

	private int tail;

	private final byte[] outerBoundary;

	/** What ends a part: CR LF, two dashes and the boundary. */
	private byte[] delimiter;

	private final int[] shift = new int[256];

	private @Nullable String mixedField;

	private boolean ended;

	private @Nullable Part current;

	private MultipartParts(InputStream input, byte[] boundary, Charset headerCharset) {
		this.input = input;
		this.headerCharset = headerCharset;
		this.outerBoundary = boundary;
		this.delimiter = delimit(delimiter(boundary));
	}

	/**
	 * The parts of the request's body.
	 * @throws FileUploadException when the request is not a multipart request with a
	 * boundary
	 */
	static MultipartParts of(HttpServletRequest request) throws IOException {
		String contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase(Locale.ENGLISH).startsWith("multipart/")) {
			throw new FileUploadContentTypeException(
					String.format("the request doesn't contain a %s or %s stream, content type header is %s",
							"multipart/form-data", "multipart/mixed", contentType),
					contentType);
		}
		String encoding = request.getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : Charset.defaultCharset();
		byte[] boundary = new JakartaServletFileUpload<>().getBoundary(contentType);
		if (boundary == null) {
			throw new FileUploadException("the request was rejected because no multipart boundary was found");
		}
		if (boundary.length + 4 > MAX_DELIMITER) {
			throw new FileUploadContentTypeException("The boundary specified in the Content-type header is too long",
					new IllegalArgumentException("The buffer size specified for the MultipartInput is too small"));
		}
		return new MultipartParts(request.getInputStream(), boundary, charset);
	}

	/** The next part, or null after the last one; the part before is read past. */
	@Nullable Part next() throws IOException {
		if (this.ended) {
			return null;
		}
		if (this.current != null) {
			this.current.content.close();
			this.current = null;
		}
		while (true) {
			// as commons-fileupload's iterator does: every boundary is searched as the
			// first one, so a malformed end of the body ends the parts rather than
			// failing
			boolean more = skipPreamble();
			if (!more) {
				if (this.mixedField == null) {
					this.ended = true;
					return null;
				}
				// the files of a multipart/mixed part ended: back to the outer parts
				this.delimiter = delimit(delimiter(this.outerBoundary));
				this.mixedField = null;
				continue;
			}
			FileItemHeaders headers = this.parser.getParsedHeaders(readHeaders());
			String contentType = headers.getHeader("Content-Type");
			if (this.mixedField == null) {
				String field = this.parser.getFieldName(headers);
				if (field != null) {
					if (contentType != null && contentType.toLowerCase(Locale.ENGLISH).startsWith("multipart/mixed")) {
						byte[] inner = this.parser.getBoundary(contentType);
						if (inner == null || inner.length != this.outerBoundary.length) {
							throw new FileUploadBoundaryException("The length of a boundary token cannot be changed");
						}
						this.mixedField = field;
						this.delimiter = delimit(delimiter(inner));
						continue;
					}
					String fileName = this.parser.getFileName(headers);
					this.current = new Part(field, fileName, new Content());
					return this.current;
				}
			}
			else {
				String fileName = this.parser.getFileName(headers);
				if (fileName != null) {
					this.current = new Part(this.mixedField, fileName, new Content());
					return this.current;
				}
			}
			new Content().close();
		}
	}

	/**
	 * A part.
	 *
	 * @param fieldName its form field's name
	 * @param fileName the file name it was sent with; null for a text field
	 * @param content its body, read as it arrives; closing it reads past the rest
	 */
	record Part(String fieldName, @Nullable String fileName, InputStream content) {

		boolean isFormField() {
			return this.fileName == null;
		}

		/** The file name, refused with a NUL in it (as commons-fileupload does). */
		@Nullable String name() {
			return DiskFileItem.checkFileName(this.fileName);
		}

	}

	/**
	 * Searches for the delimiter from now on: how far a window may move on when its last
	 * byte is a given one.
	 */
	private byte[] delimit(byte[] delimiter) {
		int m = delimiter.length;
		Arrays.fill(this.shift, m);
		for (int i = 0; i < m - 1; i++) {
			this.shift[delimiter[i] & 0xff] = m - 1 - i;
		}
		return delimiter;
	}

	private static byte[] delimiter(byte[] boundary) {
		byte[] delimiter = new byte[boundary.length + 4];
		delimiter[0] = CR;
		delimiter[1] = LF;
		delimiter[2] = DASH;
		delimiter[3] = DASH;
		System.arraycopy(boundary, 0, delimiter, 4, boundary.length);
		return delimiter;
	}

	/** The first boundary may come without the CR LF before it. */
	private boolean skipPreamble() throws IOException {
		byte[] full = this.delimiter;
		this.delimiter = delimit(Arrays.copyOfRange(full, 2, full.length));
		try {
			new Content().close();
			return readBoundary();
		}
		catch (MalformedStreamException ex) {
			return false;
		}
		finally {
			this.delimiter = delimit(full);
		}
	}

	/** Reads past a boundary: whether another part follows. */
	private boolean readBoundary() throws IOException {
		this.head += this.delimiter.length;
		try {
			byte first = readByte();
			if (first == LF) {
				// a CR missing before the LF (old browsers)
				return true;
			}
			byte second = readByte();
			if (first == DASH && second == DASH) {
				return false;
			}
			if (first == CR && second == LF) {
				return true;
			}
			throw new MalformedStreamException("Unexpected characters follow a boundary");
		}
		catch (MalformedStreamException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw new MalformedStreamException("Stream ended unexpectedly", ex);
		}
	}

	private String readHeaders() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int matched = 0;
		int size = 0;
		while (matched < 4) {
			byte b;
			try {
				b = readByte();
			}
			catch (IOException ex) {
				throw new MalformedStreamException("Stream ended unexpectedly", ex);
			}
			if (++size > HEADER_BYTES_MAX) {
				throw new FileUploadSizeException(
						String.format("Header section has more than %s bytes (maybe it is not properly terminated)",
								HEADER_BYTES_MAX),
						HEADER_BYTES_MAX, size);
			}
			matched = (b == ((matched % 2 == 0) ? CR : LF)) ? matched + 1 : 0;
			bytes.write(b);
		}
		return bytes.toString(this.headerCharset);
	}

	private byte readByte() throws IOException {
		if (this.head == this.tail) {
			this.head = 0;
			this.tail = 0;
			int n = this.input.read(this.buffer, 0, this.buffer.length);
			if (n < 0) {
				throw new IOException("No more data is available");
			}
			this.tail = n;
		}
		return this.buffer[this.head++];
	}

	/**
	 * Where the delimiter starts in the buffer between from and tail, or -1. Horspool:
	 * the byte under the delimiter's last position says how far it can move on.
	 */
	private int findDelimiter(int from) {
		byte[] d = this.delimiter;
		int m = d.length;
		int[] skip = this.shift;
		byte last = d[m - 1];
		byte[] b = this.buffer;
		int end = this.tail;
		int i = from + m - 1;
		while (i < end) {
			byte x = b[i];
			if (x == last && Arrays.equals(b, i - m + 1, i, d, 0, m - 1)) {
				return i - m + 1;
			}
			i += skip[x & 0xff];
		}
		return -1;
	}

	/** A part's body: the bytes up to the next delimiter. */
	private final class Content extends InputStream {

		/** Where the delimiter starts, or -1 while it is not in the buffer. */
		private int found;

		private boolean closed;

		Content() {
			this.found = findDelimiter(MultipartParts.this.head);
		}

		/** How many bytes can be handed out without reading more. */
		@Override
		public int available() {
			MultipartParts parts = MultipartParts.this;
			if (this.found >= 0) {
				return this.found - parts.head;
			}
			// the last bytes may be the start of the delimiter
			return Math.max(0, parts.tail - parts.head - (parts.delimiter.length - 1));
		}

		/** Reads more of the request; 0 once the delimiter is reached. */
		private int fill() throws IOException {
			MultipartParts parts = MultipartParts.this;
			if (this.found >= 0) {
				return 0;
			}
			int kept = parts.tail - parts.head;
			System.arraycopy(parts.buffer, parts.head, parts.buffer, 0, kept);
			parts.head = 0;
			parts.tail = kept;
			while (true) {
				int n = parts.input.read(parts.buffer, parts.tail, parts.buffer.length - parts.tail);
				if (n < 0) {
					throw new MalformedStreamException("Stream ended unexpectedly");
				}
				parts.tail += n;
				// only the new bytes (and the delimiter's length before them) can hold it
				this.found = findDelimiter(Math.max(parts.head, parts.tail - n - (parts.delimiter.length - 1)));
				// on until the buffer is nearly full: fewer, larger blocks for the reader
				if (this.found >= 0 || (available() > 0 && parts.buffer.length - parts.tail < MIN_READ)) {
					return available();
				}
			}
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			if (this.closed) {
				throw new IOException("The part was read past already");
			}
			if (length == 0) {
				return 0;
			}
			int n = available();
			if (n == 0) {
				n = fill();
				if (n == 0) {
					return -1;
				}
			}
			n = Math.min(n, length);
			MultipartParts parts = MultipartParts.this;
			System.arraycopy(parts.buffer, parts.head, target, offset, n);
			parts.head += n;
			return n;
		}

		/** Reads past the rest of the part. */
		@Override
		public void close() throws IOException {
			if (this.closed) {
				return;
			}
			while (available() > 0 || fill() > 0) {
				MultipartParts.this.head += available();
			}
			this.closed = true;
		}

	}

}
