package org.greenledger.ingestion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import org.greenledger.core.table.IngestionJson;

/**
 * Outputs of the GreenLedger Spark job (backend/spark) loaded as one ingestion job each.
 * The job's stored file is a small load document naming the output directory and holding
 * its manifest, so that the same output sent again is recognised as a duplicate; the
 * directory must lie below one of the configured roots
 * ({@code greenledger.spark.output-roots}) or in the S3 file store's bucket, checked when
 * the load is asked for and again when the job runs. An output a connector collected has
 * its parts in the file store, named in the document by their SHA-256.
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
	 * Queues the output at {@code location} (a directory below a configured root, or a
	 * prefix of the S3 file store's bucket) as one ingestion job.
	 * @throws RefusedLocationException when the location is outside the configured roots
	 * and the file store's bucket, or holds no finished output of the Spark job
	 */
	public IngestionJob submit(String location, UploadOptions options, String user) throws IOException {
		String name;
		byte[] manifest;
		try (SparkOutputSource output = this.roots.locate(location)) {
			manifest = output.manifest();
			name = (output instanceof SparkOutputSource.Directory directory) ? directory.directory().toString()
					: location.replaceAll("/+$", "");
		}
		return submit(document(name, manifest, null), name, options, user);
	}

	/** Reads one part of a collected output. */
	public interface Parts {

		InputStream open(String part) throws IOException;

	}

	/**
	 * Queues an output a connector collected as one ingestion job: its parts are kept in
	 * the file store (as any collected file), and the job reads them from there.
	 * @param location where the output was collected from (for the user)
	 * @param manifest the output's manifest
	 * @param parts the names of its lines' parts ({@code lines/part-...parquet})
	 */
	public IngestionJob submitCollected(String location, byte[] manifest, List<String> parts, Parts reader,
			UploadOptions options, String user) throws IOException {
		Map<String, String> stored = new TreeMap<>();
		for (String part : parts) {
			try (InputStream in = reader.open(part)) {
				stored.put(part, this.jobs.store(in, part).sha256());
			}
		}
		return submit(document(location, manifest, stored), location, options, user);
	}

	private IngestionJob submit(byte[] document, String location, UploadOptions options, String user)
			throws IOException {
		String name = location.substring(location.lastIndexOf('/') + 1);
		try (InputStream in = new ByteArrayInputStream(document)) {
			return this.jobs.submit(in, "spark-output " + name + ".json", options, user);
		}
	}

	private static byte[] document(String location, byte[] manifest, @Nullable Map<String, String> parts) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("greenledgerSparkOutput", location);
		document.put("manifest",
				IngestionJson.MAPPER.readValue(new String(manifest, StandardCharsets.UTF_8), Map.class));
		if (parts != null) {
			document.put("parts", parts);
		}
		return IngestionJson.MAPPER.writeValueAsBytes(document);
	}

}
