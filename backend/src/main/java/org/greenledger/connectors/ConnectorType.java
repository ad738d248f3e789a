package org.greenledger.connectors;

/** What a connector collects from. */
public enum ConnectorType {

	/**
	 * An S3-compatible bucket: AWS S3, Google Cloud Storage (interoperability), MinIO,
	 * Ceph.
	 */
	S3,
	/** An Azure Blob Storage container (Cost Management exports). */
	AZURE_BLOB,
	/** A Prometheus-compatible HTTP API (DCGM exporter, Kepler). */
	PROMETHEUS

}
