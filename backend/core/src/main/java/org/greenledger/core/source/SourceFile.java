package org.greenledger.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.measured.ReadingContext;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TextInput;

/**
 * A file handed to a {@link SourceFormat} to read.
 *
 * @param fileName the uploaded file's name, for messages
 * @param content the file's bytes, decompressed, positioned at its start (after a
 * byte-order mark for billing text)
 * @param table the content already opened as a table (Parquet, or a CSV bill whose header
 * decided the format), or null when the format reads the content itself
 * @param reading what the upload says about measured data that the file may not say
 * @param timeZone the zone of local timestamps the upload named, or null
 */
public record SourceFile(String fileName, InputStream content, @Nullable Table table, ReadingContext reading,
		@Nullable ZoneId timeZone) {

	/** A file of which only the name and content are known. */
	public static SourceFile of(String fileName, InputStream content) {
		return new SourceFile(fileName, content, null, ReadingContext.NONE, null);
	}

	/** The same file opened as a table. */
	public SourceFile withTable(Table opened) {
		return new SourceFile(this.fileName, this.content, opened, this.reading, this.timeZone);
	}

	/** The zone of local timestamps: the one named, or UTC. */
	public ZoneId zone() {
		return (this.timeZone != null) ? this.timeZone : ZoneOffset.UTC;
	}

	/** The content as strictly decoded UTF-8 text. */
	public Reader text() throws IOException {
		return TextInput.open(this.content);
	}

	/**
	 * Refuses GPU and node telemetry whose upload names no site: the files do not say
	 * where their hosts run.
	 * @throws InvalidFileException when the upload names no site
	 */
	public void requireTelemetrySite() {
		if (this.reading.site() == null) {
			throw new InvalidFileException(this.fileName + ": GPU and node telemetry needs the site its hosts run at:"
					+ " send it with site=<code> (a site registered under Sites)");
		}
	}

	/** The table the content was opened as. */
	public Table requireTable() {
		if (this.table == null) {
			throw new IllegalStateException(this.fileName + " was not opened as a table");
		}
		return this.table;
	}

}
