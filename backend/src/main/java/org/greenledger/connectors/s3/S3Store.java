package org.greenledger.connectors.s3;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.greenledger.connectors.ConnectorException;
import org.greenledger.connectors.ObjectStore;
import org.greenledger.connectors.StoredObject;

/** One bucket of an S3-compatible store, opened for one run or check. */
final class S3Store implements ObjectStore {

	private final S3Client client;

	private final String bucket;

	private final S3Failures failures;

	S3Store(S3Client client, String bucket, String where) {
		this.client = client;
		this.bucket = bucket;
		this.failures = new S3Failures(bucket, where);
	}

	@Override
	public void check(String prefix) throws ConnectorException {
		try {
			ListObjectsV2Response page = this.client
				.listObjectsV2(ListObjectsV2Request.builder().bucket(this.bucket).prefix(prefix).maxKeys(1).build());
			if (!page.contents().isEmpty()) {
				String key = page.contents().get(0).key();
				this.client.headObject(HeadObjectRequest.builder().bucket(this.bucket).key(key).build());
			}
		}
		catch (SdkException ex) {
			throw this.failures.translate(ex, prefix);
		}
	}

	@Override
	public List<StoredObject> list(String prefix) throws ConnectorException {
		List<StoredObject> objects = new ArrayList<>();
		try {
			for (ListObjectsV2Response page : this.client
				.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(this.bucket).prefix(prefix).build())) {
				for (S3Object object : page.contents()) {
					objects.add(new StoredObject(object.key(), unquoted(object.eTag()), object.size(),
							object.lastModified()));
				}
			}
		}
		catch (SdkException ex) {
			throw this.failures.translate(ex, prefix);
		}
		objects.sort(Comparator.comparing(StoredObject::key));
		return objects;
	}

	@Override
	public InputStream open(StoredObject object) throws ConnectorException {
		try {
			return this.client.getObject(GetObjectRequest.builder().bucket(this.bucket).key(object.key()).build());
		}
		catch (SdkException ex) {
			throw this.failures.translate(ex, object.key());
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	private static String unquoted(String etag) {
		if (etag == null) {
			return "";
		}
		return (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\""))
				? etag.substring(1, etag.length() - 1) : etag;
	}

}
