package org.greenledger.connectors;

import java.util.List;

/**
 * A connector type that reads an object store (S3, Azure Blob Storage): its settings, how
 * they are checked, and how a store is opened from them. One Spring bean per type, in the
 * type's sub-package; runs, schedules, secrets, manifests and the hand-over to ingestion
 * are the framework's.
 */
public interface ObjectStoreType extends SourceType {

	/** The prefix (folder) under which the connector collects, "" for all. */
	String prefix(ConnectorSettings settings);

	/** Opens the store for one run or check. */
	ObjectStore open(ConnectorSettings settings) throws ConnectorException;

	/**
	 * Which of the listed objects a run collects, in groups and in order. By default the
	 * files the newest AWS manifest of each billing period lists, or, without manifests,
	 * every file folder by folder ({@link ExportLayout}); a type whose exports have
	 * manifests of their own chooses with them.
	 * @throws ConnectorException when a manifest cannot be read or names a missing file:
	 * the run fails before anything is collected
	 */
	/**
	 * Opens the store and checks that it answers, the bucket or container exists and the
	 * credentials may list and read under the prefix.
	 */
	@Override
	default String check(ConnectorSettings settings) throws ConnectorException {
		String prefix = prefix(settings);
		try (ObjectStore store = open(settings)) {
			store.check(prefix);
		}
		return "Connected: the " + type() + " store answered and"
				+ (prefix.isEmpty() ? " the whole store" : " the prefix '" + prefix + "'") + " can be listed and read.";
	}

	default List<ObjectGroup> plan(ObjectStore store, List<StoredObject> listing) throws ConnectorException {
		return ExportLayout.plan(listing, store::open);
	}

}
