package org.greenledger.ingestion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import org.greenledger.ingestion.SparkOutputs.RefusedLocationException;

/**
 * The configured directories Spark outputs may be loaded from
 * ({@code greenledger.spark.output-roots}), and the check that a location lies below one
 * of them (after resolving links and {@code ..}) and holds a finished output.
 */
@Component
@EnableConfigurationProperties(SparkOutputProperties.class)
class SparkOutputRoots {

	private final SparkOutputProperties properties;

	SparkOutputRoots(SparkOutputProperties properties) {
		this.properties = properties;
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
