package org.greenledger.connectors;

import java.util.List;

import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * A connector type that reads an object store (S3, Azure Blob Storage): its settings, how
 * they are checked, and how a store is opened from them. One Spring bean per type, in the
 * type's sub-package; runs, schedules, secrets, manifests and the hand-over to ingestion
 * are the framework's.
 */
public interface ObjectStoreType {

	ConnectorType type();

	/** The type's settings, in the order the form shows them. */
	List<SettingField> fields();

	/**
	 * Problems with the settings beyond a missing required field (which the framework
	 * checks), for example a malformed endpoint or half a key pair.
	 */
	List<FieldProblem> validate(ConnectorSettings settings);

	/** The prefix (folder) under which the connector collects, "" for all. */
	String prefix(ConnectorSettings settings);

	/** Opens the store for one run or check. */
	ObjectStore open(ConnectorSettings settings) throws ConnectorException;

}
