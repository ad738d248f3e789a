package org.greenledger.ingestion;

/**
 * Too many rows of a file were rejected: the whole file is refused and nothing is stored.
 */
final class RejectedFileException extends RuntimeException {

	private final transient RowAccount account;

	private final transient RejectionLimit limit;

	private final @org.jspecify.annotations.Nullable String format;

	RejectedFileException(RowAccount account, RejectionLimit limit, @org.jspecify.annotations.Nullable String format) {
		super(account.rejected() + " of " + account.read() + " rows were rejected ("
				+ String.format(java.util.Locale.ROOT, "%.2f", 100.0 * account.rejectedShare()) + " %), more than the "
				+ limit.kind().key() + " files' limit of "
				+ String.format(java.util.Locale.ROOT, "%.2f", 100.0 * limit.maxShare()) + " % ("
				+ (limit.setting().equals("default") ? "the default for " + limit.kind().key() + " data"
						: "set by your administrator for this server")
				+ "). Nothing of the file was stored: correct the rows the validation report lists (every one of"
				+ " them is in the rejected-rows file) and send the file again.");
		this.account = account;
		this.limit = limit;
		this.format = format;
	}

	/** The format the file was read as. */
	@org.jspecify.annotations.Nullable
	String format() {
		return this.format;
	}

	RejectionLimit limit() {
		return this.limit;
	}

	RowAccount account() {
		return this.account;
	}

}
