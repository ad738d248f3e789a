package org.greenledger.ingestion;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import com.github.luben.zstd.ZstdInputStream;

/**
 * The file store in a directory (by default {@code <data dir>/files}; for a cluster, a
 * directory all nodes share): one Zstandard-compressed file per content, under the first
 * two hex digits of its SHA-256.
 */
public final class DirectoryFileStore implements StoredFiles {

	private final Path root;

	public DirectoryFileStore(Path root) {
		this.root = root;
	}

	@Override
	public Stored store(InputStream content) throws IOException {
		return store(content, true);
	}

	@Override
	public Stored storeCompressingHere(InputStream content) throws IOException {
		return store(content, false);
	}

	private Stored store(InputStream content, boolean compressOnWorker) throws IOException {
		Files.createDirectories(this.root);
		Path temporary = Files.createTempFile(this.root, ".upload-", ".zst");
		try {
			MessageDigest digest = StoredFiles.sha256();
			long bytes;
			try (InputStream in = new DigestInputStream(content, digest);
					OutputStream file = Files.newOutputStream(temporary);
					OutputStream out = StoredFiles.compressed(new BufferedOutputStream(file, 1 << 16),
							compressOnWorker)) {
				bytes = StoredFiles.copy(in, out);
			}
			// on disk before its job is recorded: a crash of the machine after that must
			// not leave a completed job without its file
			sync(temporary, StandardOpenOption.WRITE);
			String sha = HexFormat.of().formatHex(digest.digest());
			Path target = path(sha);
			Files.createDirectories(target.getParent());
			if (!Files.exists(target)) {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
				// and its new name too
				sync(target.getParent(), StandardOpenOption.READ);
			}
			return new Stored(sha, bytes);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Forces a file's data, or a directory's entries, to disk (on Linux an fsync reaches
	 * everything written to the file, through any descriptor).
	 */
	private static void sync(Path path, StandardOpenOption mode) throws IOException {
		try (FileChannel channel = FileChannel.open(path, mode)) {
			channel.force(true);
		}
	}

	@Override
	public void delete(String sha256) {
		try {
			Files.deleteIfExists(path(sha256));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	public boolean exists(String sha256) {
		return Files.exists(path(sha256)) || Files.exists(legacyPath(sha256));
	}

	@Override
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

	@Override
	public String toString() {
		return "directory " + this.root;
	}

}
