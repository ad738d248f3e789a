package org.greenledger.connectors.azure;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A blob's content as the SDK streams it, whose read failures (the SDK fetches the blob
 * in ranges while it is read) carry a message in the user's words, as {@link AzureErrors}
 * gives it, instead of the SDK's.
 */
final class BlobContent extends FilterInputStream {

	private final AzureErrors errors;

	private final String doing;

	BlobContent(InputStream in, AzureErrors errors, String doing) {
		super(in);
		this.errors = errors;
		this.doing = doing;
	}

	@Override
	public int read() throws IOException {
		try {
			return super.read();
		}
		catch (IOException | RuntimeException ex) {
			throw translated(ex);
		}
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		try {
			return super.read(buffer, offset, length);
		}
		catch (IOException | RuntimeException ex) {
			throw translated(ex);
		}
	}

	private IOException translated(Exception ex) {
		Throwable cause = (ex instanceof RuntimeException) ? ex : ex.getCause();
		if (cause instanceof RuntimeException runtime) {
			return new IOException(this.errors.translate(runtime, this.doing).getMessage(), ex);
		}
		return new IOException("the blob could not be read to its end while " + this.doing, ex);
	}

}
