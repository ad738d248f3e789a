package org.greenledger.ingestion;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded files live, and how to reach an S3-compatible store.
 *
 * @param location {@code greenledger.file-store}: empty for the data directory's
 * {@code files}, a directory (local or shared by the nodes of a cluster), or
 * {@code s3://bucket/prefix}
 * @param s3 the S3 store's endpoint, region, addressing and credentials
 */
@ConfigurationProperties("greenledger")
record FileStoreProperties(@DefaultValue("") @Nullable String fileStore, @DefaultValue S3 fileStoreS3) {

	/**
	 * An S3-compatible store.
	 *
	 * @param endpoint the service's URL (empty for AWS S3 itself)
	 * @param region the region (signing region for other stores)
	 * @param pathStyleAccess bucket in the path rather than the host name (most
	 * S3-compatible stores need it)
	 * @param accessKeyId the access key; empty for the SDK's default credentials (the
	 * environment, the instance's or pod's role)
	 * @param secretAccessKey its secret
	 * @param partSize the part size of multipart uploads (files larger than one part are
	 * sent in parts, one part in memory at a time)
	 */
	record S3(@Nullable String endpoint, @DefaultValue("us-east-1") String region,
			@DefaultValue("false") boolean pathStyleAccess, @Nullable String accessKeyId,
			@Nullable String secretAccessKey, @DefaultValue("8MB") DataSize partSize) {

		S3 {
			if (partSize.toBytes() < 5L * 1024 * 1024 || partSize.toBytes() > 512L * 1024 * 1024) {
				throw new IllegalArgumentException("greenledger.file-store-s3.part-size is " + partSize
						+ "; S3 parts are at least 5MB, and GreenLedger keeps one in memory (at most 512MB)");
			}
		}

	}

}
