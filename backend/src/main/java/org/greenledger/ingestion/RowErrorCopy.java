package org.greenledger.ingestion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import org.greenledger.core.table.RowError;
import org.greenledger.core.table.RowErrors;
import org.greenledger.database.BinaryCopyEncoder;

/**
 * Stores a job's {@link RowErrors} in {@code ingestion_row_error} by binary COPY, in the
 * caller's transaction, replacing what the job had stored before.
 */
final class RowErrorCopy {

	private static final int FLUSH_BYTES = 1 << 22;

	private RowErrorCopy() {
	}

	static void save(Connection connection, UUID job, RowErrors errors) throws SQLException {
		try (PreparedStatement delete = connection
			.prepareStatement("delete from ingestion_row_error where job_id = ?")) {
			delete.setObject(1, job);
			delete.executeUpdate();
		}
		if (errors.count() == 0) {
			return;
		}
		Copy copy = new Copy(connection, job);
		errors.forEach(copy::put);
		copy.flush();
	}

	/** The rows being encoded, copied in parts of about {@value #FLUSH_BYTES} bytes. */
	private static final class Copy {

		private final Connection connection;

		private final UUID job;

		private BinaryCopyEncoder rows = new BinaryCopyEncoder(1 << 16);

		private long ordinal;

		Copy(Connection connection, UUID job) {
			this.connection = connection;
			this.job = job;
		}

		void put(RowError error) {
			this.rows.startTuple(5);
			this.rows.putUuid(this.job);
			this.rows.putInt8(++this.ordinal);
			this.rows.putInt8(error.row());
			this.rows.putText(RowErrors.cut(error.column()));
			this.rows.putText(RowErrors.cut(error.message()));
			if (this.rows.length() > FLUSH_BYTES) {
				try {
					flush();
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Could not store the row errors: " + ex.getMessage(), ex);
				}
				this.rows = new BinaryCopyEncoder(1 << 16);
			}
		}

		void flush() throws SQLException {
			this.rows.copyTo(this.connection, "ingestion_row_error");
		}

	}

}
