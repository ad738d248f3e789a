package org.greenledger.core.measured;

import java.util.List;

import org.greenledger.core.table.RowError;

/** Receives each row of an hourly grid intensity file. */
public interface GridIntensitySink {

	void hour(HourlyIntensity hour);

	void rejected(long row, List<RowError> errors);

}
