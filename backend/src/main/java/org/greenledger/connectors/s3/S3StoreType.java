package org.greenledger.connectors.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.greenledger.connectors.ConnectorException;
import org.greenledger.connectors.ConnectorSettings;
import org.greenledger.connectors.ConnectorType;
import org.greenledger.connectors.ObjectStore;
import org.greenledger.connectors.ObjectStoreType;
import org.greenledger.connectors.SettingField;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * S3 connectors' settings: {@code endpoint} (empty for AWS), {@code region} (default
 * us-east-1), {@code bucket}, {@code prefix}, {@code pathStyle}, and the secrets
 * {@code accessKeyId} and {@code secretAccessKey} (both, or neither for the AWS SDK's
 * default credential chain: environment, profile, container or instance role).
 */
@Component
class S3StoreType implements ObjectStoreType {

	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,253}[a-z0-9]");

	private static final Pattern REGION = Pattern.compile("[a-z0-9-]{2,40}");

	private static final List<SettingField> FIELDS = List.of(
			SettingField.optional("endpoint", "Endpoint",
					"Empty for AWS; https://storage.googleapis.com for Google Cloud Storage; your MinIO or Ceph URL."),
			SettingField.optional("region", "Region",
					"The bucket's region, for example eu-west-1 (default us-east-1)."),
			SettingField.required("bucket", "Bucket", "The bucket the exports are written to."),
			SettingField.optional("prefix", "Prefix",
					"The folder of the exports in the bucket, for example cur/ (empty: the whole bucket)."),
			SettingField.optional("pathStyle", "Path-style addressing",
					"true for MinIO, Ceph and most S3-compatible servers; false (default) for AWS."),
			SettingField.secret("accessKeyId", "Access key id",
					"Empty to use the default credential chain (environment, profile, instance role)."),
			SettingField.secret("secretAccessKey", "Secret access key",
					"Write-only: stored encrypted, never shown again."));

	@Override
	public ConnectorType type() {
		return ConnectorType.S3;
	}

	@Override
	public List<SettingField> fields() {
		return FIELDS;
	}

	@Override
	public List<FieldProblem> validate(ConnectorSettings settings) {
		List<FieldProblem> problems = new ArrayList<>();
		String endpoint = settings.text("endpoint");
		if (endpoint != null && endpoint(endpoint) == null) {
			problems.add(new FieldProblem("endpoint", "'" + endpoint + "' is not an http:// or https:// URL"));
		}
		String region = settings.text("region");
		if (region != null && !REGION.matcher(region).matches()) {
			problems.add(new FieldProblem("region", "'" + region + "' is not a region name such as eu-west-1"));
		}
		String bucket = settings.text("bucket");
		if (bucket != null && !BUCKET.matcher(bucket).matches()) {
			problems.add(new FieldProblem("bucket", "'" + bucket + "' is not a bucket name (3 to 255 lower-case"
					+ " letters, digits, '.', '_' or '-')"));
		}
		String pathStyle = settings.text("pathStyle");
		if (pathStyle != null && !pathStyle.equalsIgnoreCase("true") && !pathStyle.equalsIgnoreCase("false")) {
			problems.add(new FieldProblem("pathStyle", "true or false"));
		}
		boolean id = settings.text("accessKeyId") != null;
		boolean secret = settings.text("secretAccessKey") != null;
		if (id != secret) {
			problems.add(new FieldProblem(id ? "secretAccessKey" : "accessKeyId",
					"set both accessKeyId and secretAccessKey, or neither to use the default credential chain"));
		}
		return problems;
	}

	@Override
	public String prefix(ConnectorSettings settings) {
		return settings.text("prefix", "");
	}

	@Override
	public ObjectStore open(ConnectorSettings settings) throws ConnectorException {
		String bucket = settings.text("bucket", "");
		String region = settings.text("region", "us-east-1");
		String endpoint = settings.text("endpoint");
		String where = (endpoint != null) ? endpoint : "AWS region " + region;
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(region))
			.forcePathStyle(settings.flag("pathStyle"))
			.credentialsProvider(credentials(settings))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClientBuilder(UrlConnectionHttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(10))
				.socketTimeout(Duration.ofSeconds(60)));
		if (endpoint != null) {
			builder.endpointOverride(endpoint(endpoint));
		}
		try {
			return new S3Store(builder.build(), bucket, where);
		}
		catch (SdkException | IllegalArgumentException ex) {
			throw new ConnectorException(
					"The S3 client could not be set up for " + where + ": check the endpoint" + " and region settings.",
					ex);
		}
	}

	private static AwsCredentialsProvider credentials(ConnectorSettings settings) {
		String id = settings.text("accessKeyId");
		String secret = settings.text("secretAccessKey");
		if (id != null && secret != null) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	private static @Nullable URI endpoint(String text) {
		try {
			URI uri = new URI(text);
			boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			return (web && uri.getHost() != null) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
