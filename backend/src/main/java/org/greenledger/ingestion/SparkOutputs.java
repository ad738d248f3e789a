package org.greenledger.ingestion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import org.greenledger.core.table.IngestionJson;

/**
 * Outputs of the GreenLedger Spark job (backend/spark) loaded as one ingestion job each.
 * The job's stored file is a small load document naming the output directory and holding
 * its manifest, so that the same output sent again is recognised as a duplicate; the
 * directory must lie below one of the configured roots
 * ({@code greenledger.spark.output-roots}), checked when the load is asked for and again
 * when the job runs.
 */
@Service
public class SparkOutputs {

	/** The first bytes of a load document: how its pipeline recognises it. */
	static final String DOCUMENT_START = "{\"greenledgerSparkOutput\"";

	private final SparkOutputRoots roots;

	private final IngestionJobs jobs;

	SparkOutputs(SparkOutputRoots roots, IngestionJobs jobs) {
		this.roots = roots;
		this.jobs = jobs;
	}

	/** A location that is not a loadable Spark output, with the reason for the user. */
	public static final class RefusedLocationException extends RuntimeException {

		RefusedLocationException(String message) {
			super(message);
		}

	}

	/**
	 * Queues the output at {@code location} as one ingestion job.
	 * @throws RefusedLocationException when the location is outside the configured roots,
	 * not a directory, or holds no finished output of the Spark job
	 */
	public IngestionJob submit(String location, UploadOptions options, String user) throws IOException {
		Path directory = this.roots.directory(location);
		String manifest = Files.readString(directory.resolve("manifest.json"), StandardCharsets.UTF_8);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("greenledgerSparkOutput", directory.toString());
		document.put("manifest", IngestionJson.MAPPER.readValue(manifest, Map.class));
		byte[] content = IngestionJson.MAPPER.writeValueAsBytes(document);
		try (InputStream in = new ByteArrayInputStream(content)) {
			return this.jobs.submit(in, "spark-output " + directory.getFileName() + ".json", options, user);
		}
	}

}
