package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Where the files of a Spark output are read from: a directory on this server, a prefix
 * of the S3 file store's bucket, or parts a connector collected into the file store. The
 * output's {@code manifest.json} and the Parquet parts of its {@code lines/}, in name
 * order.
 */
interface SparkOutputSource extends AutoCloseable {

	/** The manifest's bytes. */
	byte[] manifest() throws IOException;

	/**
	 * The names of the parts of {@code lines/} ({@code lines/part-...parquet}), sorted.
	 */
	List<String> parts() throws IOException;

	InputStream open(String part) throws IOException;

	@Override
	default void close() {
	}

	/** An output directory on this server. */
	record Directory(Path directory) implements SparkOutputSource {

		@Override
		public byte[] manifest() throws IOException {
			return Files.readAllBytes(this.directory.resolve("manifest.json"));
		}

		@Override
		public List<String> parts() throws IOException {
			try (Stream<Path> files = Files.list(this.directory.resolve("lines"))) {
				return files.map(path -> "lines/" + path.getFileName())
					.filter(name -> name.endsWith(".parquet"))
					.sorted()
					.toList();
			}
		}

		@Override
		public InputStream open(String part) throws IOException {
			return Files.newInputStream(this.directory.resolve(part));
		}

	}

	/**
	 * An output under a prefix of an S3-compatible bucket (the file store's), read with
	 * the file store's client.
	 *
	 * @param prefix the output's key prefix, ending with a slash
	 */
	record S3(S3Client s3, String bucket, String prefix) implements SparkOutputSource {

		@Override
		public byte[] manifest() throws IOException {
			try (InputStream in = open("manifest.json")) {
				return in.readAllBytes();
			}
		}

		@Override
		public List<String> parts() {
			try {
				return this.s3.listObjectsV2Paginator(list -> list.bucket(this.bucket).prefix(this.prefix + "lines/"))
					.contents()
					.stream()
					.map(S3Object::key)
					.filter(key -> key.endsWith(".parquet") && key.indexOf('/', this.prefix.length() + 6) < 0)
					.map(key -> key.substring(this.prefix.length()))
					.sorted()
					.toList();
			}
			catch (SdkException ex) {
				throw failure("list", ex);
			}
		}

		@Override
		public InputStream open(String part) {
			try {
				return this.s3.getObject(get -> get.bucket(this.bucket).key(this.prefix + part));
			}
			catch (SdkException ex) {
				throw failure("read " + part + " of", ex);
			}
		}

		@Override
		public void close() {
			this.s3.close();
		}

		private UncheckedIOException failure(String what, SdkException ex) {
			return new UncheckedIOException(new IOException("Could not " + what + " the Spark output s3://"
					+ this.bucket + "/" + this.prefix + ": " + ex.getMessage(), ex));
		}

	}

	/**
	 * An output whose manifest and parts a connector collected: the parts are in the file
	 * store, by their SHA-256.
	 *
	 * @param manifest the manifest's bytes
	 * @param hashes SHA-256 of each part, by its name
	 */
	record Stored(StoredFiles files, byte[] manifest, Map<String, String> hashes) implements SparkOutputSource {

		@Override
		public List<String> parts() {
			return this.hashes.keySet().stream().sorted().toList();
		}

		@Override
		public InputStream open(String part) throws IOException {
			String sha256 = this.hashes.get(part);
			if (sha256 == null) {
				throw new IOException("The Spark output has no part " + part);
			}
			return this.files.open(sha256);
		}

	}

}
