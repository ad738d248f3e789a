package org.greenledger.connectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outputs of the GreenLedger Spark job under a connector's prefix: a folder holding
 * {@code manifest.json} and Parquet parts in {@code lines/}. Each is ONE delivery, loaded
 * as one ingestion job (its manifest's version decides whether it is new); its objects
 * (lines, rollups, markers) are not collected as billing files.
 */
final class SparkOutputDeliveries {

	private static final String MANIFEST = "manifest.json";

	private SparkOutputDeliveries() {
	}

	/**
	 * A Spark output in the store.
	 *
	 * @param folder its folder (key prefix without the trailing slash)
	 * @param manifest its manifest object
	 * @param parts its lines' parts, by their name below the folder
	 * ({@code lines/part-...parquet})
	 */
	record Output(String folder, StoredObject manifest, Map<String, StoredObject> parts) {
	}

	/**
	 * The listing split into Spark outputs and the other objects.
	 *
	 * @param outputs the Spark outputs, in key order
	 * @param others every object that is not part of an output
	 */
	record Split(List<Output> outputs, List<StoredObject> others) {
	}

	static Split split(List<StoredObject> objects) {
		List<Output> outputs = new ArrayList<>();
		for (StoredObject object : objects) {
			if (!object.fileName().equals(MANIFEST)) {
				continue;
			}
			String folder = ObjectGroup.folder(object.key());
			String lines = folder.isEmpty() ? "lines/" : folder + "/lines/";
			Map<String, StoredObject> parts = new LinkedHashMap<>();
			objects.stream()
				.filter(part -> part.key().startsWith(lines) && part.key().endsWith(".parquet")
						&& part.key().indexOf('/', lines.length()) < 0)
				.forEach(part -> parts.put(part.key().substring(lines.length() - "lines/".length()), part));
			if (!parts.isEmpty()) {
				outputs.add(new Output(folder, object, parts));
			}
		}
		List<StoredObject> others = objects.stream()
			.filter(object -> outputs.stream().noneMatch(output -> within(object, output.folder())))
			.toList();
		return new Split(outputs, others);
	}

	private static boolean within(StoredObject object, String folder) {
		return folder.isEmpty() || object.key().startsWith(folder + "/");
	}

}
