package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The bytes of an upload on their way from the request thread, which stores them, to a
 * job that stages them at the same time ({@link StreamedUploads}): bounded, so that a
 * slow job slows the upload down instead of the file piling up in memory. The job reads
 * the end of the file only once the upload {@linkplain #end() ended well} (stored, and
 * its job recorded); a {@linkplain #fail failed} upload ends the job's reading with an
 * error; a job that stops reading {@linkplain #detach() detaches}, and the upload goes on
 * without it.
 */
final class UploadPipe {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();

	private final long capacity;

	private long queued;

	private boolean ended;

	private boolean detached;

	private @Nullable String failure;

	/**
	 * @param capacity how many bytes may wait for the job before the upload waits
	 */
	UploadPipe(long capacity) {
		this.capacity = capacity;
	}

	/**
	 * Hands bytes on to the job, waiting while the pipe is full; nothing happens once the
	 * job detached.
	 */
	void write(byte[] bytes, int offset, int length) throws InterruptedIOException {
		if (length <= 0) {
			return;
		}
		this.lock.lock();
		try {
			while (!this.detached && this.failure == null && this.queued >= this.capacity) {
				await();
			}
			if (this.detached || this.failure != null) {
				return;
			}
			this.chunks.addLast(Arrays.copyOfRange(bytes, offset, offset + length));
			this.queued += length;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The upload ended well: the job reads the end of the file. */
	void end() {
		this.lock.lock();
		try {
			this.ended = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The upload failed or was refused: the job's reading ends with this reason. */
	void fail(String reason) {
		this.lock.lock();
		try {
			if (this.failure == null && !this.ended) {
				this.failure = reason;
			}
			this.chunks.clear();
			this.queued = 0;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The job stopped reading: the upload goes on alone. */
	void detach() {
		this.lock.lock();
		try {
			this.detached = true;
			this.chunks.clear();
			this.queued = 0;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** What the job reads. */
	InputStream input() {
		return new Input();
	}

	private void await() throws InterruptedIOException {
		try {
			this.changed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while the upload arrived");
		}
	}

	private final class Input extends InputStream {

		private byte @Nullable [] current;

		private int position;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (this.current == null || this.position == this.current.length) {
				this.current = next();
				this.position = 0;
				if (this.current == null) {
					return -1;
				}
			}
			int n = Math.min(length, this.current.length - this.position);
			System.arraycopy(this.current, this.position, buffer, offset, n);
			this.position += n;
			return n;
		}

		/** The next chunk, or null at the end of a well-ended upload. */
		private byte @Nullable [] next() throws IOException {
			UploadPipe pipe = UploadPipe.this;
			pipe.lock.lock();
			try {
				while (true) {
					if (pipe.failure != null) {
						throw new IOException(pipe.failure);
					}
					if (pipe.detached) {
						throw new IOException("The staging stopped reading the upload");
					}
					byte[] chunk = pipe.chunks.pollFirst();
					if (chunk != null) {
						pipe.queued -= chunk.length;
						pipe.changed.signalAll();
						return chunk;
					}
					if (pipe.ended) {
						return null;
					}
					pipe.await();
				}
			}
			finally {
				pipe.lock.unlock();
			}
		}

	}

}
