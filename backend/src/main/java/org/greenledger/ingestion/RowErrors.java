package org.greenledger.ingestion;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.RowError;
import org.greenledger.database.BinaryCopyEncoder;

/**
 * Every row error of one ingestion job, so that each rejected row keeps its reason
 * however many there are: the first {@value #KEPT} are kept in memory (the job's
 * validation report shows them), the others go to a temporary file, and
 * {@link #save(Connection, UUID)} copies all of them into {@code ingestion_row_error}.
 * The temporary file is deleted on {@link #close()}.
 */
public final class RowErrors implements AutoCloseable {

	/** How many errors are kept in memory and shown in the job's validation report. */
	public static final int KEPT = 1000;

	/** Longer reasons and column names are cut here (a cell's value may be quoted). */
	static final int MAX_TEXT = 2000;

	private final List<RowError> kept = new ArrayList<>();

	private long count;

	private @Nullable Path spill;

	private @Nullable DataOutputStream out;

	/** Records an error. */
	public void add(RowError error) {
		this.count++;
		if (this.kept.size() < KEPT) {
			this.kept.add(error);
			return;
		}
		try {
			DataOutputStream spilled = spilled();
			spilled.writeLong(error.row());
			spilled.writeUTF(cut(error.column()));
			spilled.writeUTF(cut(error.message()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not record row error " + this.count + ": " + ex.getMessage(), ex);
		}
	}

	/** The first {@value #KEPT} errors. */
	public List<RowError> kept() {
		return Collections.unmodifiableList(this.kept);
	}

	/** How many errors were recorded. */
	public long count() {
		return this.count;
	}

	/**
	 * Replaces the job's stored row errors with all of these, on {@code connection} (in
	 * the caller's transaction).
	 */
	void save(Connection connection, UUID job) throws SQLException {
		try (PreparedStatement delete = connection
			.prepareStatement("delete from ingestion_row_error where job_id = ?")) {
			delete.setObject(1, job);
			delete.executeUpdate();
		}
		if (this.count == 0) {
			return;
		}
		BinaryCopyEncoder rows = new BinaryCopyEncoder(1 << 16);
		long ordinal = 0;
		for (RowError error : this.kept) {
			put(rows, job, ++ordinal, error);
		}
		if (this.out != null && this.spill != null) {
			try {
				this.out.flush();
				try (DataInputStream in = new DataInputStream(
						new BufferedInputStream(Files.newInputStream(this.spill), 1 << 16))) {
					while (true) {
						long row;
						try {
							row = in.readLong();
						}
						catch (EOFException end) {
							break;
						}
						put(rows, job, ++ordinal, new RowError(row, in.readUTF(), in.readUTF()));
						if (rows.length() > (1 << 22)) {
							rows.copyTo(connection, "ingestion_row_error");
							rows = new BinaryCopyEncoder(1 << 16);
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the recorded row errors back: " + ex.getMessage(), ex);
			}
		}
		rows.copyTo(connection, "ingestion_row_error");
	}

	@Override
	public void close() {
		try {
			if (this.out != null) {
				this.out.close();
			}
			if (this.spill != null) {
				Files.deleteIfExists(this.spill);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.out = null;
			this.spill = null;
		}
	}

	private static void put(BinaryCopyEncoder rows, UUID job, long ordinal, RowError error) {
		rows.startTuple(5);
		rows.putUuid(job);
		rows.putInt8(ordinal);
		rows.putInt8(error.row());
		rows.putText(cut(error.column()));
		rows.putText(cut(error.message()));
	}

	private DataOutputStream spilled() throws IOException {
		if (this.out == null) {
			this.spill = Files.createTempFile("greenledger-row-errors-", ".bin");
			this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(this.spill), 1 << 16));
		}
		return this.out;
	}

	private static String cut(String text) {
		return (text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT - 1) + "…";
	}

}
