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
			try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				try (InputStream in = new DigestInputStream(content, digest);
						OutputStream out = StoredFiles.compressed(
								new BufferedOutputStream(new UnclosedChannel(file), 1 << 16), compressOnWorker)) {
					bytes = StoredFiles.copy(in, out);
				}
				// on disk before its job is recorded: a crash of the machine after that
				// must not leave a completed job without its file
				file.force(true);
			}
			String sha = HexFormat.of().formatHex(digest.digest());
			Path target = path(sha);
			Files.createDirectories(target.getParent());
			if (!Files.exists(target)) {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
				syncDirectory(target.getParent());
			}
			return new Stored(sha, bytes);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Makes a file's new name in the directory durable (its entry, not only its data).
	 */
	private static void syncDirectory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	/**
	 * The file's channel as a stream whose closing leaves the channel open: the
	 * compressor writes its end when it is closed, and the file is forced to disk after
	 * that.
	 */
	private static final class UnclosedChannel extends OutputStream {

		private final FileChannel channel;

		UnclosedChannel(FileChannel channel) {
			this.channel = channel;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, offset, length);
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
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
