package org.greenledger.explorer.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * A download that ends early (the browser went away, a line could not be written) still
 * releases the lines' cursor, and with it the database connection the cursor holds.
 */
class LineExportsTests {

	private static final List<String> HEADERS = List.of("Row", "Service");

	@Test
	void aCancelledCsvDownloadReleasesItsCursor() {
		Lines lines = new Lines(10_000);

		assertThatIOException().isThrownBy(() -> LineExports.csv(HEADERS, lines, new GoneAfter(1 << 17)));

		assertThat(lines.closed).as("the cursor was closed").isTrue();
		assertThat(lines.read).as("the download stopped early").isLessThan(10_000);
	}

	@Test
	void anXlsxDownloadReleasesItsCursorEvenWhenTheClientIsGone() {
		Lines lines = new Lines(1_000);

		assertThatIOException().isThrownBy(() -> LineExports.xlsx("Lines", HEADERS, lines, new GoneAfter(0)));

		assertThat(lines.closed).isTrue();
	}

	@Test
	void aCursorReadToItsEndIsClosedToo() throws IOException {
		Lines lines = new Lines(3);

		LineExports.csv(HEADERS, lines, new ByteArrayOutputStream());

		assertThat(lines.closed).isTrue();
		assertThat(lines.read).isEqualTo(3);
	}

	/** Lines as the ledger's export gives them: an iterator that must be closed. */
	private static final class Lines implements Iterable<List<@Nullable Object>> {

		private final int size;

		private int read;

		private boolean closed;

		Lines(int size) {
			this.size = size;
		}

		@Override
		public Iterator<List<@Nullable Object>> iterator() {
			return new Cursor();
		}

		private final class Cursor implements Iterator<List<@Nullable Object>>, AutoCloseable {

			private final AtomicBoolean done = new AtomicBoolean();

			@Override
			public boolean hasNext() {
				return Lines.this.read < Lines.this.size;
			}

			@Override
			public List<@Nullable Object> next() {
				Lines.this.read++;
				return List.of((long) Lines.this.read, "Amazon Elastic Compute Cloud");
			}

			@Override
			public void close() {
				if (this.done.compareAndSet(false, true)) {
					Lines.this.closed = true;
				}
			}

		}

	}

	/** A client that goes away after some bytes. */
	private static final class GoneAfter extends OutputStream {

		private final int limit;

		private int written;

		GoneAfter(int limit) {
			this.limit = limit;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.written += length;
			if (this.written > this.limit) {
				throw new IOException("Broken pipe");
			}
		}

	}

}
