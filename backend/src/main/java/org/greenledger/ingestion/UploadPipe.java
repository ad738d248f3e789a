package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
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

	/** The bytes waiting for the job, in chunks as they were written. */
	private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();

	/**
	 * Chunks the job has read, used again for the next writes (an upload of hundreds of
	 * MB would otherwise allocate as much).
	 */
	private final ArrayDeque<Chunk> free = new ArrayDeque<>();

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
			Chunk chunk = this.free.pollFirst();
			if (chunk == null || chunk.bytes.length < length) {
				// a write of a quarter chunk or more takes a whole one, to be used again;
				// smaller ones take what they need (the pipe counts bytes, not chunks)
				chunk = new Chunk(new byte[(length >= Chunk.SIZE / 4) ? Math.max(length, Chunk.SIZE) : length]);
			}
			System.arraycopy(bytes, offset, chunk.bytes, 0, length);
			chunk.length = length;
			this.chunks.addLast(chunk);
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
			this.free.clear();
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
			this.free.clear();
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

	/** Bytes of the upload: the first {@code length} of {@code bytes}. */
	private static final class Chunk {

		/** The size of a new chunk, or of the write when it is larger. */
		static final int SIZE = 1 << 16;

		final byte[] bytes;

		int length;

		Chunk(byte[] bytes) {
			this.bytes = bytes;
		}

	}

	private final class Input extends InputStream {

		private @Nullable Chunk current;

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
			Chunk chunk = this.current;
			if (chunk == null || this.position == chunk.length) {
				chunk = next(chunk);
				this.current = chunk;
				this.position = 0;
				if (chunk == null) {
					return -1;
				}
			}
			int n = Math.min(length, chunk.length - this.position);
			System.arraycopy(chunk.bytes, this.position, buffer, offset, n);
			this.position += n;
			return n;
		}

		/**
		 * The next chunk, or null at the end of a well-ended upload.
		 * @param read the chunk read to its end, given back for the next writes
		 */
		private @Nullable Chunk next(@Nullable Chunk read) throws IOException {
			UploadPipe pipe = UploadPipe.this;
			pipe.lock.lock();
			try {
				if (read != null && read.bytes.length >= Chunk.SIZE && pipe.failure == null && !pipe.detached
						&& pipe.free.size() <= pipe.capacity / Chunk.SIZE) {
					pipe.free.addLast(read);
				}
				while (true) {
					if (pipe.failure != null) {
						throw new IOException(pipe.failure);
					}
					if (pipe.detached) {
						throw new IOException("The staging stopped reading the upload");
					}
					Chunk chunk = pipe.chunks.pollFirst();
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
