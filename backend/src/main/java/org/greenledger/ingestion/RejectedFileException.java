package org.greenledger.ingestion;

/**
 * Too many rows of a file were rejected: the whole file is refused and nothing is stored.
 */
final class RejectedFileException extends RuntimeException {

	private final transient RowAccount account;

	RejectedFileException(RowAccount account, double maxShare) {
		super(account.rejected() + " of " + account.read() + " rows were rejected ("
				+ String.format(java.util.Locale.ROOT, "%.2f", 100.0 * account.rejectedShare())
				+ " %), more than greenledger.ingestion.max-rejected-share allows ("
				+ String.format(java.util.Locale.ROOT, "%.2f", 100.0 * maxShare)
				+ " %). Nothing of the file was stored; correct the rows listed and send it again.");
		this.account = account;
	}

	RowAccount account() {
		return this.account;
	}

}
