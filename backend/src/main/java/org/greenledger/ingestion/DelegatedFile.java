package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.RowErrors;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.InputLimits;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;
import org.greenledger.core.table.TextInput;

/**
 * One uploaded file handed to a {@link DelegatedFormat}: the job it belongs to, its
 * content (decompressed; read it once, as text or as a table) and where its row errors
 * go.
 */
public final class DelegatedFile {

	private final UUID job;

	private final String fileName;

	private final String format;

	private final String createdBy;

	private final InputStream content;

	private final @Nullable Table parquet;

	private final RowErrors errors;

	DelegatedFile(UUID job, String fileName, String format, String createdBy, InputStream content,
			@Nullable Table parquet, RowErrors errors) {
		this.job = job;
		this.fileName = fileName;
		this.format = format;
		this.createdBy = createdBy;
		this.content = content;
		this.parquet = parquet;
		this.errors = errors;
	}

	public UUID job() {
		return this.job;
	}

	public String fileName() {
		return this.fileName;
	}

	/** The format {@link DelegatedFormat#recognise} named. */
	public String format() {
		return this.format;
	}

	/** Who uploaded the file (the actor of audit entries). */
	public String createdBy() {
		return this.createdBy;
	}

	/** The content as checked UTF-8 text (a byte-order mark skipped). */
	public Reader text() {
		try {
			this.content.mark(3);
			byte[] bom = this.content.readNBytes(3);
			this.content.reset();
			if (bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF) {
				this.content.skipNBytes(3);
			}
			return TextInput.open(this.content);
		}
		catch (IOException ex) {
			throw TableRows.damaged(this.fileName, 0, ex);
		}
	}

	/** The content as a table: the Parquet file the job opened, CSV otherwise. */
	public DelegatedRows rows() {
		try {
			Table table = (this.parquet != null) ? this.parquet : CsvTable.open(text());
			TableRows.requireHeader(this.fileName, table);
			return new Rows(table);
		}
		catch (IOException ex) {
			throw TableRows.damaged(this.fileName, 0, ex);
		}
	}

	/**
	 * Why a day lies outside the dates uploads may hold (the ingestion limits' earliest
	 * and latest date), or null when it is inside.
	 */
	public @Nullable String outsideDateWindow(LocalDate day) {
		InputLimits limits = InputLimits.current();
		return limits.admits(day.toEpochDay() * 86_400_000L) ? null : limits.dateWindow();
	}

	/** Records why a row (1-based; 0 for the file's header) was not accepted. */
	public void reject(long row, String column, String reason) {
		this.errors.add(new RowError(row, column, reason));
	}

	/** How many rows were rejected so far. */
	public long rejected() {
		return this.errors.count();
	}

	private final class Rows implements DelegatedRows {

		private final Table table;

		private long row;

		Rows(Table table) {
			this.table = table;
		}

		@Override
		public List<String> header() {
			return this.table.header();
		}

		@Override
		public @Nullable List<String> next() {
			try {
				List<String> cells = this.table.next();
				if (cells != null) {
					this.row++;
					TableRows.requireNoNul(this.table.header(), this.row, cells);
				}
				return cells;
			}
			catch (IOException ex) {
				throw TableRows.damaged(DelegatedFile.this.fileName, this.row, ex);
			}
		}

		@Override
		public void close() {
			try {
				this.table.close();
			}
			catch (IOException ex) {
				throw TableRows.damaged(DelegatedFile.this.fileName, this.row, ex);
			}
		}

	}

}
