package org.greenledger.ingestion.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of {@code corpus/measured/expectations.csv}: a real file and what a user would
 * check after uploading it.
 *
 * @param file the path under the corpus folder
 * @param site whether it is uploaded with a site (meters and GPU telemetry need one)
 * @param status COMPLETED or REJECTED
 * @param format a part of the format the job reports
 * @param energyKwh the file's own energy total, or null when it states none GreenLedger
 * counts
 * @param energySource where the total comes from
 * @param note a part of a note the job must carry, or empty
 */
record CorpusFile(String file, boolean site, String status, String format, long rows, long accepted, long ignored,
		long rejected, @Nullable Double energyKwh, String energySource, String note) {

	String name() {
		return this.file.substring(this.file.lastIndexOf('/') + 1);
	}

	@Override
	public String toString() {
		return this.file;
	}

	/** The lines of the manifest (plain comma-separated; no cell holds a comma). */
	static List<CorpusFile> read(Path manifest) throws IOException {
		List<CorpusFile> files = new ArrayList<>();
		List<String> lines = Files.readAllLines(manifest);
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split(",", -1);
			if (cells.length != 11) {
				throw new IllegalStateException(
						"expectations.csv: '" + line + "' has " + cells.length + " cells, not 11");
			}
			files.add(new CorpusFile(cells[0], "yes".equals(cells[1]), cells[2], cells[3], Long.parseLong(cells[4]),
					Long.parseLong(cells[5]), Long.parseLong(cells[6]), Long.parseLong(cells[7]),
					cells[8].isEmpty() ? null : Double.valueOf(cells[8]), cells[9], cells[10]));
		}
		return files;
	}

}
