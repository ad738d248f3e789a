package org.greenledger.connectors;

import java.io.InputStream;
import java.util.List;

/**
 * A store of exported files that a connector reads: an S3-compatible bucket or an Azure
 * Blob Storage container. Opened from a connector's settings for one run and closed after
 * it. Every failure is a {@link ConnectorException} whose message a user can act on.
 */
public interface ObjectStore extends AutoCloseable {

	/**
	 * Checks that the store answers, the bucket or container exists and the credentials
	 * may list and read under the prefix.
	 */
	void check(String prefix) throws ConnectorException;

	/** Every object under the prefix (recursively), ordered by key. */
	List<StoredObject> list(String prefix) throws ConnectorException;

	/** The content of an object, as listed. */
	InputStream open(StoredObject object) throws ConnectorException;

	@Override
	void close();

}
