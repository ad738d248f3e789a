package org.greenledger.spark;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The next {@code length} bytes of a stream (a split's byte range). */
final class BoundedInput extends FilterInputStream {

	private long left;

	BoundedInput(InputStream in, long length) {
		super(in);
		this.left = length;
	}

	@Override
	public int read() throws IOException {
		if (this.left <= 0) {
			return -1;
		}
		int b = super.read();
		if (b >= 0) {
			this.left--;
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.left <= 0) {
			return -1;
		}
		int n = super.read(buffer, offset, (int) Math.min(length, this.left));
		if (n > 0) {
			this.left -= n;
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(Math.min(n, this.left));
		this.left -= skipped;
		return skipped;
	}

	@Override
	public int available() throws IOException {
		return (int) Math.min(super.available(), this.left);
	}

	@Override
	public boolean markSupported() {
		return false;
	}

}
