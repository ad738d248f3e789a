package org.greenledger.connectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects a run collects together, in order: the files one manifest lists (the first
 * replaces earlier data of its accounts and months, the others are parts of the same
 * export), or the files of one folder without a manifest (the first collected in a run
 * replaces, the others are appended).
 *
 * @param source the manifest's key, or the folder
 * @param manifest whether a manifest listed the files
 * @param files the files, in order
 */
public record ObjectGroup(String source, boolean manifest, List<StoredObject> files) {

	public ObjectGroup {
		files = List.copyOf(files);
	}

	/**
	 * Plain files (no manifest), one group per folder in key order; folder markers left
	 * out.
	 */
	public static List<ObjectGroup> byFolder(List<StoredObject> objects) {
		Map<String, List<StoredObject>> folders = new LinkedHashMap<>();
		objects.stream()
			.filter(object -> !object.key().endsWith("/"))
			.sorted(Comparator.comparing(StoredObject::key))
			.forEach(object -> folders.computeIfAbsent(folder(object.key()), f -> new ArrayList<>()).add(object));
		return folders.entrySet().stream().map(e -> new ObjectGroup(e.getKey(), false, e.getValue())).toList();
	}

	static String folder(String key) {
		int slash = key.lastIndexOf('/');
		return (slash < 0) ? "" : key.substring(0, slash);
	}

}
