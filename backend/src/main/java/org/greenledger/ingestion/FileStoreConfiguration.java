package org.greenledger.ingestion;

import java.net.URI;
import java.nio.file.Path;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.greenledger.system.GreenLedgerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The file store {@code greenledger.file-store} names, and the job leases' settings: what
 * lets several nodes share the uploads and the jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ FileStoreProperties.class, LeaseProperties.class })
class FileStoreConfiguration {

	@Bean
	StoredFiles storedFiles(FileStoreProperties store, GreenLedgerProperties properties) {
		return create(store, properties.dataDirectory());
	}

	static StoredFiles create(FileStoreProperties store, Path dataDirectory) {
		String location = (store.fileStore() != null) ? store.fileStore().strip() : "";
		if (location.isEmpty()) {
			return new DirectoryFileStore(dataDirectory.resolve("files"));
		}
		if (!location.startsWith("s3://")) {
			return new DirectoryFileStore(Path.of(location).toAbsolutePath().normalize());
		}
		String path = location.substring("s3://".length());
		int slash = path.indexOf('/');
		String bucket = (slash < 0) ? path : path.substring(0, slash);
		String prefix = (slash < 0) ? "" : path.substring(slash + 1).replaceAll("^/+|/+$", "");
		if (bucket.isEmpty()) {
			throw new IllegalArgumentException(
					"greenledger.file-store is '" + location + "'; an S3 store is s3://bucket or s3://bucket/prefix");
		}
		return new S3FileStore(client(store.fileStoreS3()), bucket, prefix,
				(int) store.fileStoreS3().partSize().toBytes());
	}

	/**
	 * A client for any S3-compatible store: checksums only where the API requires them,
	 * which every such store understands.
	 */
	static S3Client client(FileStoreProperties.S3 s3) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(s3.region()))
			.forcePathStyle(s3.pathStyleAccess())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(s3.endpoint().strip()));
		}
		if (s3.accessKeyId() != null && !s3.accessKeyId().isBlank()) {
			builder.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(s3.accessKeyId(), String.valueOf(s3.secretAccessKey()))));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		return builder.build();
	}

}
