package org.greenledger.connectors.azure;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;

import org.greenledger.connectors.ConnectorException;
import org.greenledger.connectors.ObjectStore;
import org.greenledger.connectors.StoredObject;

/**
 * A container of an Azure Storage account (or of Azurite), read with the Azure Storage
 * Blob SDK over the JDK's HTTP client, with an account key or a SAS token. Keys are blob
 * names; the tag is the blob's ETag without quotes. An object is opened on the condition
 * that its ETag is still the listed one, so that a blob rewritten between listing and
 * reading is never read half old, half new.
 */
public final class AzureBlobStore implements ObjectStore {

	/** Tries per request: the first and two retries, 0.5 s then 2 s apart. */
	private static final int TRIES = 3;

	private static final Duration TRY_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private final BlobContainerClient container;

	private final AzureErrors errors;

	private AzureBlobStore(BlobContainerClient container, AzureErrors errors) {
		this.container = container;
		this.errors = errors;
	}

	/** A store for the settings' container; nothing is sent before the first call. */
	public static AzureBlobStore open(AzureBlobSettings settings) {
		HttpClient http = new JdkHttpClientBuilder().connectionTimeout(CONNECT_TIMEOUT).build();
		BlobContainerClientBuilder builder = new BlobContainerClientBuilder().endpoint(settings.endpoint().toString())
			.containerName(settings.container())
			.httpClient(http)
			.retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, TRIES, TRY_TIMEOUT,
					Duration.ofMillis(500), Duration.ofSeconds(2), null));
		if (settings.accountKey() != null) {
			builder.credential(new StorageSharedKeyCredential(settings.accountName(), settings.accountKey()));
		}
		else {
			builder.sasToken(settings.sasToken());
		}
		return new AzureBlobStore(builder.buildClient(), new AzureErrors(settings));
	}

	@Override
	public void check(String prefix) throws ConnectorException {
		try {
			ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix).setMaxResultsPerPage(1);
			Iterator<PagedResponse<BlobItem>> pages = this.container.listBlobs(options, null)
				.iterableByPage()
				.iterator();
			if (pages.hasNext()) {
				pages.next();
			}
		}
		catch (RuntimeException ex) {
			throw this.errors.translate(ex, "listing '" + prefix + "'");
		}
	}

	@Override
	public List<StoredObject> list(String prefix) throws ConnectorException {
		List<StoredObject> objects = new ArrayList<>();
		try {
			for (BlobItem item : this.container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
				if (Boolean.TRUE.equals(item.isPrefix()) || Boolean.TRUE.equals(item.isDeleted())) {
					continue;
				}
				BlobItemProperties properties = item.getProperties();
				Instant modified = (properties.getLastModified() != null) ? properties.getLastModified().toInstant()
						: Instant.EPOCH;
				long size = (properties.getContentLength() != null) ? properties.getContentLength() : 0;
				objects.add(new StoredObject(item.getName(), unquoted(properties.getETag()), size, modified));
			}
		}
		catch (RuntimeException ex) {
			throw this.errors.translate(ex, "listing '" + prefix + "'");
		}
		objects.sort(Comparator.comparing(StoredObject::key));
		return objects;
	}

	@Override
	public InputStream open(StoredObject object) throws ConnectorException {
		try {
			BlobInputStreamOptions options = new BlobInputStreamOptions()
				.setRequestConditions(new BlobRequestConditions().setIfMatch("\"" + object.etag() + "\""));
			String doing = "reading '" + object.key() + "'";
			return new BlobContent(this.container.getBlobClient(object.key()).openInputStream(options), this.errors,
					doing);
		}
		catch (RuntimeException ex) {
			throw this.errors.translate(ex, "reading '" + object.key() + "'");
		}
	}

	/** Nothing to release: the JDK's HTTP client closes its idle connections itself. */
	@Override
	public void close() {
	}

	private static String unquoted(String etag) {
		if (etag == null) {
			return "";
		}
		return (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\""))
				? etag.substring(1, etag.length() - 1) : etag;
	}

}
