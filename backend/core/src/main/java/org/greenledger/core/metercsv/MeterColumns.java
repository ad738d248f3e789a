package org.greenledger.core.metercsv;

import java.util.ArrayList;
import java.util.List;

import org.greenledger.core.table.Column;
import org.greenledger.core.table.Columns;
import org.greenledger.core.table.InvalidFileException;

/**
 * The meter CSV's header: names without regard to case or order; the period is either
 * {@code start} and {@code end}, or {@code timestamp} and {@code interval}.
 */
record MeterColumns(Column meter, Column site, Column role, Column start, Column end, Column timestamp, Column interval,
		Column quantity, Column unit, Column timezone) {

	/** Whether rows give their period as start and end (else timestamp and interval). */
	boolean startEnd() {
		return this.start.present();
	}

	/**
	 * Resolves the header.
	 * @throws InvalidFileException naming every missing column, or when both period forms
	 * are given
	 */
	static MeterColumns of(String fileName, List<String> header) {
		Columns columns = Columns.of(header);
		MeterColumns resolved = new MeterColumns(columns.find("meter"), columns.find("site"), columns.find("role"),
				columns.find("start"), columns.find("end"), columns.find("timestamp"), columns.find("interval"),
				columns.find("quantity"), columns.find("unit"), columns.find("timezone"));
		List<String> missing = new ArrayList<>();
		for (Column column : List.of(resolved.meter, resolved.site, resolved.role)) {
			if (!column.present()) {
				missing.add(column.name());
			}
		}
		boolean startEnd = resolved.start.present() || resolved.end.present();
		boolean timestamped = resolved.timestamp.present() || resolved.interval.present();
		if (startEnd && timestamped) {
			throw new InvalidFileException(fileName + ": the file has both start/end and timestamp/interval columns;"
					+ " give each row's period one way only");
		}
		if (startEnd) {
			addMissing(missing, resolved.start, resolved.end);
		}
		else if (timestamped) {
			addMissing(missing, resolved.timestamp, resolved.interval);
		}
		else {
			missing.add("start and end (or timestamp and interval)");
		}
		addMissing(missing, resolved.quantity, resolved.unit);
		if (!missing.isEmpty()) {
			throw new InvalidFileException(fileName + ": " + Columns.describeMissing(missing)
					+ " (a meter CSV has meter, site, role, start, end, quantity, unit;"
					+ " or timestamp and interval instead of start and end)");
		}
		return resolved;
	}

	private static void addMissing(List<String> missing, Column... columns) {
		for (Column column : columns) {
			if (!column.present()) {
				missing.add(column.name());
			}
		}
	}

}
