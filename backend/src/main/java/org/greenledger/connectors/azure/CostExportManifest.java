package org.greenledger.connectors.azure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.greenledger.connectors.ConnectorException;
import org.greenledger.connectors.StoredObject;

/**
 * One {@code manifest.json} of an Azure Cost Management export run, as far as a connector
 * needs it: which export it belongs to ({@code exportConfig.exportName}, else the folder
 * above the date range), the billing period ({@code runInfo.startDate}, else the folder
 * named {@code yyyyMMdd-yyyyMMdd}), when the run was submitted
 * ({@code runInfo.submittedTime}, else when the manifest was written) and the data blobs
 * ({@code blobs[].blobName}, container-relative).
 *
 * @param object the manifest blob
 * @param exportName the export's name ("" when neither the manifest nor the path says)
 * @param periodStart the first day of the billing period
 * @param periodEnd the last day the run covers, or null when not said
 * @param runId the run's id ("" when not said)
 * @param submitted when the run was submitted
 * @param blobNames the data blobs the run wrote, as the manifest names them
 */
record CostExportManifest(StoredObject object, String exportName, LocalDate periodStart, @Nullable LocalDate periodEnd,
		String runId, Instant submitted, List<String> blobNames) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern DATE_RANGE = Pattern.compile("(\\d{8})-(\\d{8})");

	private static final DateTimeFormatter FOLDER_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

	/**
	 * Whether an object is an export manifest ({@code manifest.json}, or legacy
	 * {@code _manifest.json}).
	 */
	static boolean isManifest(StoredObject object) {
		String name = object.fileName().toLowerCase(Locale.ROOT);
		return name.equals("manifest.json") || name.equals("_manifest.json");
	}

	/** The folder of a key, with its trailing slash ("" at the top). */
	static String folder(String key) {
		int slash = key.lastIndexOf('/');
		return (slash < 0) ? "" : key.substring(0, slash + 1);
	}

	static CostExportManifest read(StoredObject object, InputStream content) throws ConnectorException {
		JsonNode root;
		try (InputStream in = content) {
			root = JSON.readTree(in);
		}
		catch (JacksonException ex) {
			throw problem(object,
					"is not JSON" + ((ex.getLocation() != null) ? " (line " + ex.getLocation().getLineNr() + ")" : ""));
		}
		catch (IOException ex) {
			throw new ConnectorException("the export manifest '" + object.key() + "' could not be read to its end", ex);
		}
		if (root == null || !root.isObject()) {
			throw problem(object, "is not a JSON object");
		}
		JsonNode blobs = root.path("blobs");
		if (!blobs.isArray()) {
			throw problem(object, "has no 'blobs' list: it is not a Cost Management export manifest");
		}
		List<String> names = new ArrayList<>();
		for (JsonNode blob : blobs) {
			String name = blob.path("blobName").asString("").strip();
			if (name.isEmpty()) {
				throw problem(object, "has an entry in 'blobs' without a 'blobName'");
			}
			names.add(name.startsWith("/") ? name.substring(1) : name);
		}
		JsonNode run = root.path("runInfo");
		Matcher range = DATE_RANGE.matcher(object.key());
		String folderStart = null;
		String folderEnd = null;
		while (range.find()) {
			folderStart = range.group(1);
			folderEnd = range.group(2);
		}
		LocalDate start = date(object, "runInfo.startDate", run.path("startDate").asString(""), folderStart);
		if (start == null) {
			throw problem(object, "says no billing period: it has no runInfo.startDate and its path has no"
					+ " yyyyMMdd-yyyyMMdd folder");
		}
		LocalDate end = date(object, "runInfo.endDate", run.path("endDate").asString(""), folderEnd);
		Instant submitted = instant(object, run.path("submittedTime").asString(""));
		String exportName = root.path("exportConfig").path("exportName").asString("").strip();
		if (exportName.isEmpty()) {
			exportName = folderAbove(object.key(), folderStart);
		}
		return new CostExportManifest(object, exportName, start, end, run.path("runId").asString("").strip(), submitted,
				List.copyOf(names));
	}

	private static @Nullable LocalDate date(StoredObject object, String field, String text, @Nullable String folder)
			throws ConnectorException {
		if (!text.isBlank()) {
			try {
				return LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length())));
			}
			catch (DateTimeParseException ex) {
				throw problem(object, "has " + field + " '" + text + "', which is not a date");
			}
		}
		if (folder != null) {
			try {
				return LocalDate.parse(folder, FOLDER_DATE);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private static Instant instant(StoredObject object, String text) throws ConnectorException {
		String value = text.strip();
		if (value.isEmpty()) {
			return object.lastModified();
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw problem(object, "has runInfo.submittedTime '" + text + "', which is not a time");
			}
		}
	}

	private static String folderAbove(String key, @Nullable String folderStart) {
		if (folderStart == null) {
			return "";
		}
		String[] segments = key.split("/");
		for (int i = 1; i < segments.length; i++) {
			if (segments[i].startsWith(folderStart + "-")) {
				return segments[i - 1];
			}
		}
		return "";
	}

	private static ConnectorException problem(StoredObject object, String what) {
		return new ConnectorException("the export manifest '" + object.key() + "' " + what);
	}

}
