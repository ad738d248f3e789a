package org.greenledger.connectors;

import java.time.Instant;

/**
 * An object in a store: its full key, its version tag (the S3 ETag or the Azure ETag,
 * without quotes), its size in bytes and when it was last written. Key and tag together
 * say whether the object has been ingested before.
 */
public record StoredObject(String key, String etag, long size, Instant lastModified) {

	/** The last path segment of the key, used as the ingested file's name. */
	public String fileName() {
		int slash = this.key.lastIndexOf('/');
		return (slash < 0) ? this.key : this.key.substring(slash + 1);
	}

}
