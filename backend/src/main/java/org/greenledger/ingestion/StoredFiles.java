package org.greenledger.ingestion;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

/**
 * Uploaded files, kept immutably and compressed under {@code <data dir>/files}, addressed
 * by the SHA-256 of their content, so that any figure can be traced back to its source
 * row.
 */
public final class StoredFiles {

	private final Path root;

	public StoredFiles(Path root) {
		this.root = root;
	}

	/**
	 * Streams the content into the store (never all in memory) and returns its address.
	 * Storing content that is already there changes nothing.
	 */
	public Stored store(InputStream content) throws IOException {
		Files.createDirectories(this.root);
		Path temporary = Files.createTempFile(this.root, ".upload-", ".zst");
		try {
			MessageDigest digest = sha256();
			long bytes;
			try (InputStream in = new DigestInputStream(content, digest);
					OutputStream file = Files.newOutputStream(temporary);
					OutputStream out = compressed(file)) {
				bytes = in.transferTo(out);
			}
			String sha = HexFormat.of().formatHex(digest.digest());
			Path target = path(sha);
			Files.createDirectories(target.getParent());
			if (!Files.exists(target)) {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			return new Stored(sha, bytes);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** Deletes a stored file (no error when it is not there). */
	void delete(String sha256) {
		try {
			Files.deleteIfExists(path(sha256));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Whether the content is in the store. */
	public boolean exists(String sha256) {
		return Files.exists(path(sha256)) || Files.exists(legacyPath(sha256));
	}

	/** The original content of a stored file. */
	public InputStream open(String sha256) throws IOException {
		Path legacy = legacyPath(sha256);
		if (!Files.exists(path(sha256)) && Files.exists(legacy)) {
			return new GZIPInputStream(Files.newInputStream(legacy), 1 << 16);
		}
		return new BufferedInputStream(new ZstdInputStream(Files.newInputStream(path(sha256))), 1 << 16);
	}

	Path path(String sha256) {
		return this.root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".zst");
	}

	/** Where versions before 0.4 stored files (gzip). */
	private Path legacyPath(String sha256) {
		return this.root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".gz");
	}

	/**
	 * Zstandard at level 1: uploads are stored at several hundred MB/s, still several
	 * times smaller, and read back faster than gzip.
	 */
	private static OutputStream compressed(OutputStream out) throws IOException {
		ZstdOutputStream zstd = new ZstdOutputStream(new BufferedOutputStream(out, 1 << 16), 1);
		zstd.setChecksum(true);
		// compress on a native worker thread while this one reads and hashes
		zstd.setWorkers(1);
		return zstd;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A stored file.
	 *
	 * @param sha256 hex SHA-256 of the original content
	 * @param bytes size of the original content
	 */
	public record Stored(String sha256, long bytes) {
	}

}
