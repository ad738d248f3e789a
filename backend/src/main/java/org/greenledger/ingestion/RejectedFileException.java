package org.greenledger.ingestion;

/**
 * Too many rows of a file were rejected: the whole file is refused and nothing is stored.
 */
final class RejectedFileException extends RuntimeException {

	private final transient RowTally tally;

	RejectedFileException(RowTally tally, double maxShare) {
		super(tally.rejected() + " of " + tally.read() + " rows were rejected ("
				+ String.format(java.util.Locale.ROOT, "%.2f", 100.0 * tally.rejectedShare())
				+ " %), more than greenledger.ingestion.max-rejected-share allows ("
				+ String.format(java.util.Locale.ROOT, "%.2f", 100.0 * maxShare)
				+ " %). Nothing of the file was stored; correct the rows listed and send it again.");
		this.tally = tally;
	}

	RowTally tally() {
		return this.tally;
	}

}
