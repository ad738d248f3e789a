package org.greenledger.connectors.azure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.connectors.ConnectorException;
import org.greenledger.connectors.ObjectStore;
import org.greenledger.connectors.StoredObject;

/**
 * Decides which objects of a container listing to ingest when Azure Cost Management
 * exports land there.
 *
 * <p>
 * Each export run writes its data blobs (one, or several parts when the export partitions
 * its data) and a {@code manifest.json} into a folder
 * {@code <root folder>/<export name>/<yyyyMMdd-yyyyMMdd>/<run id>/}. A daily
 * month-to-date export writes a new run for the same billing period every day, each with
 * the whole month so far. So, per export and billing period (the month the run starts
 * in), only the newest run counts: the one submitted last ({@code runInfo.submittedTime},
 * else the manifest written last). Its blobs are taken; the blobs of older runs are not,
 * since the newest replaces them (ingestion's replacement of corrected re-exports does
 * the rest when an older run was taken by an earlier sync). A manifest of a newest run
 * that names a blob which is not in the listing stops the run with a
 * {@link ConnectorException}: taking the other parts alone would store part of a period.
 *
 * <p>
 * Objects that no manifest names and that are not in a manifest's folder (files dropped
 * under the prefix by hand, exports written without manifests) are taken as plain files.
 */
public final class CostExports {

	private CostExports() {
	}

	/**
	 * The selection for a listing (as {@link ObjectStore#list} returns it); manifests are
	 * read from the store.
	 */
	public static Selection select(ObjectStore store, List<StoredObject> listing) throws ConnectorException {
		Map<String, StoredObject> byKey = new HashMap<>();
		List<CostExportManifest> manifests = new ArrayList<>();
		for (StoredObject object : listing) {
			byKey.put(object.key(), object);
		}
		for (StoredObject object : listing) {
			if (CostExportManifest.isManifest(object)) {
				manifests.add(CostExportManifest.read(object, store.open(object)));
			}
		}
		Map<String, CostExportManifest> newest = new LinkedHashMap<>();
		Set<String> claimed = new HashSet<>();
		Set<String> runFolders = new HashSet<>();
		manifests.sort(Comparator.comparing(CostExportManifest::submitted)
			.thenComparing(manifest -> manifest.object().lastModified())
			.thenComparing(manifest -> manifest.object().key()));
		for (CostExportManifest manifest : manifests) {
			newest.put(manifest.exportName() + "\n" + manifest.periodStart(), manifest);
			runFolders.add(CostExportManifest.folder(manifest.object().key()));
			for (String name : manifest.blobNames()) {
				StoredObject blob = resolve(byKey, name);
				claimed.add((blob != null) ? blob.key() : name);
			}
		}
		List<Run> runs = new ArrayList<>();
		for (CostExportManifest manifest : newest.values()) {
			List<StoredObject> blobs = new ArrayList<>();
			for (String name : manifest.blobNames()) {
				StoredObject blob = resolve(byKey, name);
				if (blob == null) {
					throw new ConnectorException("the export manifest '" + manifest.object().key()
							+ "' lists the blob '" + name + "', which is not in the container: the run may still be"
							+ " writing, or the blob was deleted; nothing of this sync was taken, the next one tries again");
				}
				blobs.add(blob);
			}
			runs.add(new Run(manifest.exportName(), manifest.periodStart(), manifest.periodEnd(), manifest.runId(),
					manifest.submitted(), manifest.object(), List.copyOf(blobs)));
		}
		runs.sort(Comparator.comparing(Run::exportName).thenComparing(Run::periodStart));
		List<StoredObject> plain = new ArrayList<>();
		for (StoredObject object : listing) {
			if (!CostExportManifest.isManifest(object) && !claimed.contains(object.key())
					&& !runFolders.contains(CostExportManifest.folder(object.key()))) {
				plain.add(object);
			}
		}
		return new Selection(List.copyOf(runs), List.copyOf(plain));
	}

	/**
	 * The object a manifest's blob name means: the container-relative name, else the name
	 * without a first segment (some manifests start with the container's name).
	 */
	private static @Nullable StoredObject resolve(Map<String, StoredObject> byKey, String name) {
		StoredObject object = byKey.get(name);
		if (object == null) {
			int slash = name.indexOf('/');
			if (slash > 0) {
				object = byKey.get(name.substring(slash + 1));
			}
		}
		return object;
	}

	/**
	 * The newest run of one export for one billing period.
	 *
	 * @param exportName the export's name ("" when not said)
	 * @param periodStart the first day of the billing period
	 * @param periodEnd the last day the run covers, or null when not said
	 * @param runId the run's id ("" when not said)
	 * @param submitted when the run was submitted
	 * @param manifest the run's manifest
	 * @param blobs the run's data blobs, in the manifest's order
	 */
	public record Run(String exportName, LocalDate periodStart, @Nullable LocalDate periodEnd, String runId,
			Instant submitted, StoredObject manifest, List<StoredObject> blobs) {

	}

	/**
	 * What to ingest from a listing.
	 *
	 * @param runs the newest run per export and billing period
	 * @param plainFiles objects outside any export run
	 */
	public record Selection(List<Run> runs, List<StoredObject> plainFiles) {

		/** The data blobs of the runs, then the plain files. */
		public List<StoredObject> toIngest() {
			List<StoredObject> objects = new ArrayList<>();
			this.runs.forEach(run -> objects.addAll(run.blobs()));
			objects.addAll(this.plainFiles);
			return objects;
		}

	}

}
