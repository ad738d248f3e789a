package org.greenledger.ingestion;

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
import java.util.zip.GZIPOutputStream;

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
		Path temporary = Files.createTempFile(this.root, ".upload-", ".gz");
		try {
			MessageDigest digest = sha256();
			long bytes;
			try (InputStream in = new DigestInputStream(content, digest);
					OutputStream out = new FastGzipOutputStream(Files.newOutputStream(temporary))) {
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

	/** The original content of a stored file. */
	public InputStream open(String sha256) throws IOException {
		return new GZIPInputStream(Files.newInputStream(path(sha256)), 1 << 16);
	}

	Path path(String sha256) {
		return this.root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".gz");
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
	 * Gzip at the fastest level: uploads are stored at disk speed, still several times
	 * smaller.
	 */
	private static final class FastGzipOutputStream extends GZIPOutputStream {

		FastGzipOutputStream(OutputStream out) throws IOException {
			super(out, 1 << 16);
			this.def.setLevel(java.util.zip.Deflater.BEST_SPEED);
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
