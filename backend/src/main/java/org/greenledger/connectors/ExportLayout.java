package org.greenledger.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which objects under a prefix a run collects. AWS writes manifests beside its exports:
 * Data Exports (CUR 2.0, FOCUS, carbon emissions) as
 * {@code <export>/metadata/BILLING_PERIOD=2025-01/[<execution id>/]<export>-Manifest.json}
 * listing {@code dataFiles} (s3:// URIs), legacy CUR as
 * {@code <report>/<yyyymmdd-yyyymmdd>/[<assembly id>/]<report>-Manifest.json} listing
 * {@code reportKeys}. When the prefix holds manifests, only the files that the newest
 * manifest of each billing period lists are collected (an older manifest's files belong
 * to an export that a newer one corrected); a manifest naming a file that is not there
 * fails the run before anything is collected. Without manifests, every file under the
 * prefix is collected.
 */
final class ExportLayout {

	static final String MANIFEST_SUFFIX = "-Manifest.json";

	private static final long MANIFEST_LIMIT = 16L * 1024 * 1024;

	/** A Data Exports period folder, or a legacy CUR period folder. */
	private static final Pattern PERIOD = Pattern
		.compile("(?:^|/)(BILLING_PERIOD=[0-9]{4}-[0-9]{2}|[0-9]{8}-[0-9]{8})/");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ExportLayout() {
	}

	interface Reader {

		InputStream open(StoredObject object) throws ConnectorException;

	}

	/**
	 * What to collect, in order: one group per newest manifest (its files in the
	 * manifest's order), or, without manifests, one group per folder
	 * ({@link ObjectGroup#byFolder}).
	 */
	static List<ObjectGroup> plan(List<StoredObject> objects, Reader reader) throws ConnectorException {
		List<StoredObject> manifests = objects.stream().filter(ExportLayout::isManifest).toList();
		if (manifests.isEmpty()) {
			return ObjectGroup.byFolder(objects);
		}
		Map<String, StoredObject> byKey = new LinkedHashMap<>();
		objects.forEach(object -> byKey.put(object.key(), object));
		List<ObjectGroup> groups = new ArrayList<>();
		for (StoredObject manifest : newestPerPeriod(manifests).values()) {
			List<String> listed = listedKeys(manifest, reader);
			List<String> missing = listed.stream().filter(key -> !byKey.containsKey(key)).toList();
			if (!missing.isEmpty()) {
				throw new ConnectorException("The manifest " + manifest.key() + " lists "
						+ (missing.size() == 1 ? "a file that is" : missing.size() + " files that are")
						+ " not in the bucket: " + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
						+ (missing.size() > 3 ? ", ..." : "")
						+ ". The export may still be being written, or the files were deleted; nothing was collected."
						+ " The next run tries again.");
			}
			groups.add(new ObjectGroup(manifest.key(), true, listed.stream().distinct().map(byKey::get).toList()));
		}
		return groups;
	}

	static boolean isManifest(StoredObject object) {
		return object.key().endsWith(MANIFEST_SUFFIX);
	}

	/**
	 * The newest manifest of each billing period (by the time it was written; of two
	 * written at the same time, the one nearer the period folder, which AWS rewrites on
	 * each delivery), keyed by the period folder.
	 */
	static Map<String, StoredObject> newestPerPeriod(List<StoredObject> manifests) {
		Map<String, StoredObject> newest = new TreeMap<>();
		Comparator<StoredObject> order = Comparator.comparing(StoredObject::lastModified)
			.thenComparing(object -> -object.key().length())
			.thenComparing(StoredObject::key);
		for (StoredObject manifest : manifests) {
			newest.merge(period(manifest.key()), manifest, (a, b) -> order.compare(a, b) >= 0 ? a : b);
		}
		return newest;
	}

	/** The folder of the manifest's billing period, or its own folder without one. */
	static String period(String key) {
		Matcher matcher = PERIOD.matcher(key);
		int end = -1;
		while (matcher.find()) {
			end = matcher.end(1);
		}
		return (end >= 0) ? key.substring(0, end) : folder(key);
	}

	static String folder(String key) {
		return ObjectGroup.folder(key);
	}

	private static List<String> listedKeys(StoredObject manifest, Reader reader) throws ConnectorException {
		JsonNode json = read(manifest, reader);
		JsonNode files = json.has("dataFiles") ? json.get("dataFiles") : json.get("reportKeys");
		if (files == null || !files.isArray()) {
			throw new ConnectorException("The manifest " + manifest.key() + " lists no files: it has neither"
					+ " 'dataFiles' (AWS Data Exports) nor 'reportKeys' (legacy Cost and Usage Report).");
		}
		List<String> keys = new ArrayList<>();
		for (JsonNode file : files) {
			Optional<String> key = Optional.ofNullable(file.isString() ? file.asString() : null).map(ExportLayout::key);
			if (key.isEmpty() || key.get().isBlank()) {
				throw new ConnectorException(
						"The manifest " + manifest.key() + " lists a file that is not a text: " + file);
			}
			keys.add(key.get());
		}
		return keys;
	}

	/** A key of the bucket from an s3:// URI or a key. */
	static String key(String listed) {
		Function<String, String> afterBucket = uri -> {
			int slash = uri.indexOf('/');
			return (slash < 0) ? "" : uri.substring(slash + 1);
		};
		return listed.startsWith("s3://") ? afterBucket.apply(listed.substring(5)) : listed;
	}

	private static JsonNode read(StoredObject manifest, Reader reader) throws ConnectorException {
		if (manifest.size() > MANIFEST_LIMIT) {
			throw new ConnectorException("The manifest " + manifest.key() + " is " + manifest.size()
					+ " bytes, more than a manifest can be (" + MANIFEST_LIMIT + ").");
		}
		try (InputStream in = reader.open(manifest)) {
			JsonNode json = JSON.readTree(in.readNBytes((int) MANIFEST_LIMIT));
			if (json == null || !json.isObject()) {
				throw new ConnectorException("The manifest " + manifest.key() + " is not a JSON object.");
			}
			return json;
		}
		catch (IOException ex) {
			throw new ConnectorException("The manifest " + manifest.key() + " could not be read: the connection broke"
					+ " off. The next run tries again.", ex);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null) ? " (line " + ex.getLocation().getLineNr() + ")" : "";
			throw new ConnectorException(
					"The manifest " + manifest.key() + " is not valid JSON" + where + ": the export may be incomplete.",
					ex);
		}
	}

}
