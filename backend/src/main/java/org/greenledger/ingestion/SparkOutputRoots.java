package org.greenledger.ingestion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import org.greenledger.ingestion.SparkOutputs.RefusedLocationException;

/**
 * Where Spark outputs may be loaded from: below the configured directories
 * ({@code greenledger.spark.output-roots}; a location is checked after resolving links
 * and {@code ..}), or, when the file store is an S3 bucket ({@code greenledger.file-store
 * = s3://...}), under any prefix of that bucket ({@code s3://bucket/prefix}), read with
 * the file store's client. A location must hold a finished output.
 */
@Component
@EnableConfigurationProperties(SparkOutputProperties.class)
class SparkOutputRoots {

	private final SparkOutputProperties properties;

	private final FileStoreProperties store;

	SparkOutputRoots(SparkOutputProperties properties, FileStoreProperties store) {
		this.properties = properties;
		this.store = store;
	}

	/**
	 * The output at a location: a directory below a configured root, or an {@code s3://}
	 * prefix of the S3 file store's bucket.
	 * @throws RefusedLocationException when it is neither or holds no finished output
	 */
	SparkOutputSource locate(String location) {
		if (!location.startsWith("s3://")) {
			return new SparkOutputSource.Directory(directory(location));
		}
		String fileStore = (this.store.fileStore() != null) ? this.store.fileStore().strip() : "";
		String path = location.substring("s3://".length());
		int slash = path.indexOf('/');
		String bucket = (slash < 0) ? path : path.substring(0, slash);
		String prefix = (slash < 0) ? "" : path.substring(slash + 1).replaceAll("^/+|/+$", "");
		if (!fileStore.startsWith("s3://") || !bucket(fileStore).equals(bucket)) {
			throw new RefusedLocationException("An s3:// Spark output must lie in the bucket of the S3 file store"
					+ " (greenledger.file-store"
					+ (fileStore.startsWith("s3://") ? " = " + fileStore : " is no S3 store") + "): " + location);
		}
		if (prefix.isEmpty() || prefix.contains("..")) {
			throw new RefusedLocationException("Name the Spark output's folder in the bucket: " + location);
		}
		S3Client s3 = FileStoreConfiguration.client(this.store.fileStoreS3());
		SparkOutputSource.S3 output = new SparkOutputSource.S3(s3, bucket, prefix + "/");
		try {
			s3.headObject(head -> head.bucket(bucket).key(prefix + "/manifest.json"));
			if (output.parts().isEmpty()) {
				throw new RefusedLocationException(
						"No finished Spark output at " + location + ": lines/ holds no part");
			}
			return output;
		}
		catch (SdkException | java.io.UncheckedIOException ex) {
			output.close();
			throw new RefusedLocationException("No finished Spark output at " + location
					+ ": it has no manifest.json and lines/ (the job writes the manifest last)");
		}
		catch (RefusedLocationException ex) {
			output.close();
			throw ex;
		}
	}

	private static String bucket(String s3Location) {
		String path = s3Location.substring("s3://".length());
		int slash = path.indexOf('/');
		return (slash < 0) ? path : path.substring(0, slash);
	}

	/**
	 * The output directory a location names, when it lies below a configured root and
	 * holds a manifest of the Spark job.
	 * @throws RefusedLocationException otherwise
	 */
	Path directory(String location) {
		List<Path> roots = new ArrayList<>();
		for (Path root : this.properties.outputRoots()) {
			try {
				roots.add(root.toRealPath());
			}
			catch (IOException ex) {
				// a configured root that does not exist holds nothing
			}
		}
		if (roots.isEmpty()) {
			throw new RefusedLocationException("Loading Spark outputs is not enabled on this server: no output root is"
					+ " configured (greenledger.spark.output-roots)");
		}
		Path directory;
		try {
			Path given = Path.of(location);
			if (!given.isAbsolute()) {
				throw new RefusedLocationException("The Spark output location must be an absolute path: " + location);
			}
			directory = given.toRealPath();
		}
		catch (InvalidPathException | IOException ex) {
			throw new RefusedLocationException("No Spark output at " + location);
		}
		if (roots.stream().noneMatch(root -> directory.startsWith(root) && !directory.equals(root))) {
			throw new RefusedLocationException(
					"The Spark output location " + location + " is outside the configured output roots");
		}
		Path manifest = directory.resolve("manifest.json");
		if (!Files.isRegularFile(manifest) || !Files.isDirectory(directory.resolve("lines"))) {
			throw new RefusedLocationException("No finished Spark output at " + location
					+ ": it has no manifest.json and lines/ (the job writes the manifest last)");
		}
		return directory;
	}

}
