package org.greenledger.ingestion;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.greenledger.core.measured.UtilizationSample;
import org.greenledger.core.measured.UtilizationSink;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.RowErrors;
import org.greenledger.ledger.CpuUtilizationWriter;

/**
 * Counts a CPU utilization file's datapoints and hands the accepted ones to the ledger's
 * {@link CpuUtilizationWriter}, in the job's transaction.
 */
final class UtilizationStore implements UtilizationSink, AutoCloseable {

	private final CpuUtilizationWriter writer;

	private final RowErrors errors;

	private long accepted;

	private long rejected;

	UtilizationStore(CpuUtilizationWriter writer, RowErrors errors) {
		this.writer = writer;
		this.errors = errors;
	}

	@Override
	public void sample(UtilizationSample sample) {
		try {
			this.writer.accept(sample);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the CPU utilization: " + ex.getMessage(), ex);
		}
		this.accepted++;
	}

	@Override
	public void rejected(long row, List<RowError> rowErrors) {
		this.rejected++;
		rowErrors.forEach(this.errors::add);
	}

	long read() {
		return this.accepted + this.rejected;
	}

	long accepted() {
		return this.accepted;
	}

	long rejected() {
		return this.rejected;
	}

	List<Map<String, Object>> finish() throws SQLException {
		return this.writer.finish();
	}

	@Override
	public void close() throws SQLException {
		this.writer.close();
	}

}
