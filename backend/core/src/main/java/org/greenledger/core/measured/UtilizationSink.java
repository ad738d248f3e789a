package org.greenledger.core.measured;

import java.util.List;

import org.greenledger.core.table.RowError;

/** Receives each datapoint of a CPU utilization file. */
public interface UtilizationSink {

	void sample(UtilizationSample sample);

	void rejected(long row, List<RowError> errors);

}
