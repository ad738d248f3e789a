package org.greenledger.ingestion;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import com.github.luben.zstd.ZstdInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The file store in an S3-compatible object store ({@code s3://bucket/prefix}), shared by
 * every node of a cluster: one Zstandard-compressed object per content, keyed
 * {@code <prefix>/<first two hex digits>/<sha256>.zst}. The content is streamed: it is
 * compressed and hashed on the way and sent in parts ({@link S3Upload}) under a temporary
 * key, then copied to its address once the SHA-256 is known.
 */
public final class S3FileStore implements StoredFiles {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	private final int partSize;

	/**
	 * @param s3 the client (endpoint, region, credentials)
	 * @param bucket the bucket
	 * @param prefix the key prefix, without leading or trailing slash (may be empty)
	 * @param partSize the size of one part of a multipart upload (at least 5 MiB, S3's
	 * smallest part)
	 */
	public S3FileStore(S3Client s3, String bucket, String prefix, int partSize) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix.isEmpty() ? "" : prefix + "/";
		this.partSize = partSize;
	}

	@Override
	public Stored store(InputStream content) throws IOException {
		String temporary = this.prefix + ".uploads/" + UUID.randomUUID() + ".zst";
		MessageDigest digest = StoredFiles.sha256();
		long bytes;
		S3Upload upload = new S3Upload(this.s3, this.bucket, temporary, this.partSize);
		try {
			try (InputStream in = new DigestInputStream(content, digest);
					OutputStream out = StoredFiles.compressed(upload)) {
				bytes = StoredFiles.copy(in, out);
			}
			upload.complete();
			String sha = HexFormat.of().formatHex(digest.digest());
			if (!exists(sha)) {
				this.s3.copyObject(copy -> copy.sourceBucket(this.bucket)
					.sourceKey(temporary)
					.destinationBucket(this.bucket)
					.destinationKey(key(sha)));
			}
			return new Stored(sha, bytes);
		}
		catch (SdkException ex) {
			upload.abort();
			throw failure("store the file", ex);
		}
		catch (IOException | RuntimeException ex) {
			upload.abort();
			throw ex;
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	@Override
	public boolean exists(String sha256) {
		try {
			this.s3.headObject(head -> head.bucket(this.bucket).key(key(sha256)));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw failure("look up " + sha256, ex);
		}
	}

	@Override
	public InputStream open(String sha256) throws IOException {
		try {
			return new BufferedInputStream(
					new ZstdInputStream(this.s3.getObject(get -> get.bucket(this.bucket).key(key(sha256)))), 1 << 16);
		}
		catch (SdkException ex) {
			throw failure("read " + sha256, ex);
		}
	}

	@Override
	public void delete(String sha256) {
		try {
			this.s3.deleteObject(delete -> delete.bucket(this.bucket).key(key(sha256)));
		}
		catch (SdkException ex) {
			throw failure("delete " + sha256, ex);
		}
	}

	String key(String sha256) {
		return this.prefix + sha256.substring(0, 2) + "/" + sha256 + ".zst";
	}

	private void deleteQuietly(String key) {
		try {
			this.s3.deleteObject(delete -> delete.bucket(this.bucket).key(key));
		}
		catch (SdkException ex) {
			// a temporary object left behind holds no figure; the bucket's lifecycle
			// rule for .uploads/ removes it (docs/operations.md)
		}
	}

	private java.io.UncheckedIOException failure(String what, SdkException ex) {
		return new java.io.UncheckedIOException(
				new IOException("The file store " + this + " could not " + what + ": " + ex.getMessage(), ex));
	}

	@Override
	public String toString() {
		return "s3://" + this.bucket + "/" + this.prefix;
	}

}
