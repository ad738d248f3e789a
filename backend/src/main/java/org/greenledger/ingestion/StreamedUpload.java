package org.greenledger.ingestion;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * An upload whose job stages its rows while the file still arrives
 * ({@link IngestionJobs#receive}): what the request thread reads of the file is
 * {@linkplain #tee teed} to the job as it goes into the file store. Once the file is
 * stored and its job recorded, the job is {@linkplain #handOver handed over} and reads
 * the end of the file; an upload that fails, is refused or turns out to be a duplicate is
 * {@linkplain #discard discarded}, and the job's transaction, with every row it staged,
 * is rolled back. A job that cannot stage the file while it arrives (not a billing text
 * file, a header it cannot read) {@linkplain #giveUp gives up}, and the file is read from
 * the store afterwards, as every other upload is.
 */
public final class StreamedUpload {

	private enum State {

		STAGING, HANDED_OVER, GAVE_UP, DISCARDED

	}

	private final Job provisional;

	private final UploadOptions options;

	private final UploadPipe pipe;

	private final AtomicReference<State> state = new AtomicReference<>(State.STAGING);

	private volatile @Nullable Job claimed;

	/**
	 * @param provisional the job as the upload described it before its file arrived (no
	 * SHA-256 yet; its size as the request declared it)
	 * @param options the upload's options then
	 * @param pipe the bytes on their way to the job
	 */
	StreamedUpload(Job provisional, UploadOptions options, UploadPipe pipe) {
		this.provisional = provisional;
		this.options = options;
		this.pipe = pipe;
	}

	/**
	 * The content, handed on to the job as it is read (the job's pace sets the pace of
	 * the reading).
	 */
	public InputStream tee(InputStream content) {
		return new Tee(content, this.pipe);
	}

	/**
	 * The upload failed or was refused (nothing happens when the job was handed over or
	 * gave up): the job stops and rolls back all it staged.
	 */
	public void discard(String reason) {
		if (this.state.compareAndSet(State.STAGING, State.DISCARDED)) {
			this.pipe.fail(reason);
		}
	}

	/** The job's id, used for the job recorded once the file is stored. */
	UUID id() {
		return this.provisional.id();
	}

	Job provisional() {
		return this.provisional;
	}

	InputStream input() {
		return this.pipe.input();
	}

	/**
	 * Whether the file's job is the one staged: the same file name, user and options as
	 * when the file began (options sent after the file may change them).
	 */
	boolean stages(String fileName, UploadOptions options, String user) {
		return this.provisional.fileName().equals(fileName) && this.options.equals(options)
				&& this.provisional.createdBy().equals(user);
	}

	/**
	 * Hands the recorded and claimed job over to the staging, which then reads the end of
	 * the file and completes it.
	 * @return false when the staging gave up or was discarded (the caller runs the job
	 * from the stored file)
	 */
	boolean handOver(Job job) {
		this.claimed = job;
		if (this.state.compareAndSet(State.STAGING, State.HANDED_OVER)) {
			this.pipe.end();
			return true;
		}
		return false;
	}

	/**
	 * The staging stopped before the job was handed over: the upload goes on without it.
	 * @return false when the job was handed over already (the staging ends it)
	 */
	boolean giveUp() {
		if (this.state.compareAndSet(State.STAGING, State.GAVE_UP)) {
			this.pipe.detach();
			return true;
		}
		return this.state.get() != State.HANDED_OVER;
	}

	boolean handedOver() {
		return this.state.get() == State.HANDED_OVER;
	}

	/** The job as recorded and claimed, once handed over. */
	Job claimed() {
		Job job = this.claimed;
		if (job == null) {
			throw new IllegalStateException("Job " + id() + " was not handed over");
		}
		return job;
	}

	/** Reads the content and hands every byte read on to the pipe. */
	private static final class Tee extends FilterInputStream {

		private final UploadPipe pipe;

		Tee(InputStream in, UploadPipe pipe) {
			super(in);
			this.pipe = pipe;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.pipe.write(buffer, offset, n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			// what is skipped is read too, so that the job sees every byte
			return (n <= 0) ? 0 : this.readNBytes((int) Math.min(n, 1 << 16)).length;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

	}

}
