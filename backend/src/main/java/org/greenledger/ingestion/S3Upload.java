package org.greenledger.ingestion;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Bytes streamed into one S3 object: held in memory up to one part; an object smaller
 * than a part is sent with one PUT, a larger one as a multipart upload, part by part, so
 * that at most one part is ever in memory. The object exists once {@link #complete()} is
 * called; {@link #abort()} discards whatever was sent.
 */
final class S3Upload extends OutputStream {

	private final S3Client s3;

	private final String bucket;

	private final String key;

	private final byte[] part;

	private int filled;

	private @Nullable String uploadId;

	private final List<CompletedPart> parts = new ArrayList<>();

	private boolean closed;

	S3Upload(S3Client s3, String bucket, String key, int partSize) {
		this.s3 = s3;
		this.bucket = bucket;
		this.key = key;
		this.part = new byte[partSize];
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (this.closed) {
			throw new IOException("The upload of " + this.key + " has ended");
		}
		int written = 0;
		while (written < length) {
			if (this.filled == this.part.length) {
				sendPart();
			}
			int n = Math.min(length - written, this.part.length - this.filled);
			System.arraycopy(bytes, offset + written, this.part, this.filled, n);
			this.filled += n;
			written += n;
		}
	}

	/**
	 * Nothing is sent on closing: the object exists only once {@link #complete()} says
	 * that all of it was written.
	 */
	@Override
	public void close() {
	}

	/** Sends the object (its last part, or all of it in one PUT) and completes it. */
	void complete() {
		if (this.closed) {
			throw new IllegalStateException("The upload of " + this.key + " has ended");
		}
		this.closed = true;
		if (this.uploadId == null) {
			this.s3.putObject(put -> put.bucket(this.bucket).key(this.key), RequestBody
				.fromInputStream(new java.io.ByteArrayInputStream(this.part, 0, this.filled), this.filled));
			return;
		}
		if (this.filled > 0) {
			sendPart();
		}
		this.s3.completeMultipartUpload(complete -> complete.bucket(this.bucket)
			.key(this.key)
			.uploadId(this.uploadId)
			.multipartUpload(upload -> upload.parts(this.parts)));
	}

	/** Discards a multipart upload under way (parts sent are deleted by the store). */
	void abort() {
		this.closed = true;
		if (this.uploadId != null) {
			try {
				this.s3.abortMultipartUpload(abort -> abort.bucket(this.bucket).key(this.key).uploadId(this.uploadId));
			}
			catch (RuntimeException ex) {
				// the bucket's lifecycle rule for incomplete multipart uploads removes it
			}
		}
	}

	private void sendPart() {
		if (this.uploadId == null) {
			this.uploadId = this.s3.createMultipartUpload(create -> create.bucket(this.bucket).key(this.key))
				.uploadId();
		}
		int number = this.parts.size() + 1;
		String etag = this.s3
			.uploadPart(upload -> upload.bucket(this.bucket).key(this.key).uploadId(this.uploadId).partNumber(number),
					RequestBody.fromInputStream(new java.io.ByteArrayInputStream(this.part, 0, this.filled),
							this.filled))
			.eTag();
		this.parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
		this.filled = 0;
	}

}
