package org.greenledger.ingestion.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.ingestion.StoredFiles;
import org.greenledger.ingestion.StreamedUpload;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * Reads a {@code multipart/form-data} upload as it arrives: the file part is streamed
 * straight into the file store (never spooled to a temporary file first), and, when the
 * job can stage it at the same time, to its job as well ({@link StreamedUpload}); text
 * fields are collected (at most 1,000 characters each), in whatever order the parts come.
 *
 * @param stored the stored file
 * @param fileName the file part's file name
 * @param fields the text fields
 * @param streamed the job staging the file while it arrived, or null
 */
record MultipartUpload(StoredFiles.Stored stored, String fileName, Map<String, String> fields,
		@Nullable StreamedUpload streamed) {

	/** Starts a job that stages the file while it arrives, when one can. */
	@FunctionalInterface
	interface Staging {

		/**
		 * @param fileName the file part's name
		 * @param fields the text fields that came before the file
		 * @return null when the file is stored first and read afterwards
		 */
		@Nullable StreamedUpload start(String fileName, Map<String, String> fields);

	}

	private static final int MAX_FIELD_CHARS = 1000;

	private static final int MAX_PARTS = 20;

	private static final java.util.Set<String> FIELDS = java.util.Set.of("format", "orgUnit", "overlap", "site", "host",
			"meterRole", "timeZone");

	/**
	 * Reads the upload; when it turns out unusable after the file was stored, the stored
	 * file is discarded again (unless a job uses the same content).
	 */
	static MultipartUpload read(HttpServletRequest request, IngestionJobs store, Staging staging) throws IOException {
		StoredFiles.Stored[] stored = new StoredFiles.Stored[1];
		StreamedUpload[] streamed = new StreamedUpload[1];
		try {
			return read(request, store, staging, stored, streamed);
		}
		catch (IOException | RuntimeException ex) {
			if (streamed[0] != null) {
				streamed[0].discard("the upload was refused or cut off: " + ex.getMessage());
			}
			if (stored[0] != null) {
				store.discard(stored[0]);
			}
			throw ex;
		}
	}

	private static MultipartUpload read(HttpServletRequest request, IngestionJobs store, Staging staging,
			StoredFiles.Stored[] kept, StreamedUpload[] streaming) throws IOException {
		StoredFiles.Stored stored = null;
		int count = 0;
		String fileName = null;
		Map<String, String> fields = new HashMap<>();
		try {
			MultipartParts parts = MultipartParts.of(request);
			for (MultipartParts.Part part = parts.next(); part != null; part = parts.next()) {
				if (++count > MAX_PARTS) {
					throw problem("file", "the upload has more than " + MAX_PARTS + " parts");
				}
				if ("file".equals(part.fieldName()) && !part.isFormField()) {
					if (stored != null) {
						throw problem("file", "only one file per upload");
					}
					fileName = (part.name() != null && !part.name().isBlank()) ? part.name() : "upload";
					streaming[0] = staging.start(fileName, Map.copyOf(fields));
					try (InputStream content = part.content()) {
						stored = store.store(content, fileName, streaming[0]);
						kept[0] = stored;
					}
				}
				else if (part.isFormField() && FIELDS.contains(part.fieldName())) {
					fields.put(part.fieldName(), text(part));
				}
				else {
					try (InputStream ignored = part.content()) {
						ignored.transferTo(OutputStream.nullOutputStream());
					}
				}
			}
		}
		catch (FileUploadException ex) {
			throw problem("file", "the multipart body cannot be read: " + ex.getMessage());
		}
		if (stored == null) {
			throw problem("file", "is required (a multipart part named 'file')");
		}
		if (stored.bytes() == 0) {
			throw problem("file", "is empty");
		}
		return new MultipartUpload(stored, fileName, fields, streaming[0]);
	}

	@Nullable String field(String name) {
		return field(this.fields, name);
	}

	/** A text field, stripped; null when it is missing or blank. */
	static @Nullable String field(Map<String, String> fields, String name) {
		String value = fields.get(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String text(MultipartParts.Part part) throws IOException {
		try (InputStream in = part.content()) {
			byte[] bytes = in.readNBytes(MAX_FIELD_CHARS * 4 + 1);
			String value = new String(bytes, StandardCharsets.UTF_8);
			if (bytes.length > MAX_FIELD_CHARS * 4 || value.length() > MAX_FIELD_CHARS) {
				throw problem(part.fieldName(), "is longer than " + MAX_FIELD_CHARS + " characters");
			}
			return value;
		}
	}

	private static ApiProblemException problem(String field, String message) {
		return ApiProblemException.invalidFields(List.of(new FieldProblem(field, message)));
	}

}
