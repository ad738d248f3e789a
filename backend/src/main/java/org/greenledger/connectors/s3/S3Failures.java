package org.greenledger.connectors.s3;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.greenledger.connectors.ConnectorException;

/**
 * Turns the AWS SDK's failures into sentences a user can act on: which setting to check,
 * and what the store said, never the SDK's message.
 */
final class S3Failures {

	private final String bucket;

	private final String where;

	S3Failures(String bucket, String where) {
		this.bucket = bucket;
		this.where = where;
	}

	ConnectorException translate(SdkException ex, String keyOrPrefix) {
		return new ConnectorException(message(ex, keyOrPrefix), ex);
	}

	private String message(SdkException ex, String keyOrPrefix) {
		if (ex instanceof NoSuchBucketException) {
			return "The bucket '" + this.bucket + "' does not exist at " + this.where + ": check the bucket name,"
					+ " the region and the endpoint.";
		}
		if (ex instanceof NoSuchKeyException) {
			return "The object '" + keyOrPrefix + "' is no longer in the bucket '" + this.bucket
					+ "' (deleted since it was listed); the next run lists the bucket again.";
		}
		if (ex instanceof S3Exception s3) {
			String code = (s3.awsErrorDetails() != null && s3.awsErrorDetails().errorCode() != null)
					? s3.awsErrorDetails().errorCode() : "";
			return switch (code) {
				case "InvalidAccessKeyId" -> "The store at " + this.where + " does not know the access key id: check"
						+ " accessKeyId (and that the key is active).";
				case "SignatureDoesNotMatch" -> "The secret access key does not match the access key id at "
						+ this.where + ": check secretAccessKey.";
				case "AccessDenied",
						"AllAccessDisabled" ->
					"Access denied to the bucket '" + this.bucket + "' under '" + keyOrPrefix
							+ "': the credentials need s3:ListBucket on the prefix and"
							+ " s3:GetObject on its objects (see docs/connectors.md for a least-privilege policy).";
				case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
					"The bucket '" + this.bucket + "' is in another region than the one configured: set region"
							+ " to the bucket's region.";
				case "NoSuchBucket" -> "The bucket '" + this.bucket + "' does not exist at " + this.where
						+ ": check the bucket name, the region and the endpoint.";
				case "ExpiredToken", "InvalidToken", "TokenRefreshRequired" ->
					"The credentials at " + this.where + " have expired: renew them.";
				default -> (s3.statusCode() == 403)
						? "The store at " + this.where + " refused the request (HTTP 403): check the credentials and"
								+ " their permissions (s3:ListBucket, s3:GetObject)."
						: (s3.statusCode() == 301)
								? "The bucket '" + this.bucket + "' is in another region than the"
										+ " one configured: set region to the bucket's region."
								: "The store at " + this.where + " answered HTTP " + s3.statusCode()
										+ (code.isEmpty() ? "" : " (" + code + ")") + " for '" + keyOrPrefix
										+ "'; the next run tries again.";
			};
		}
		if (ex instanceof SdkClientException && causedBy(ex, UnknownHostException.class)) {
			return "The endpoint " + this.where + " cannot be found (unknown host): check the endpoint setting.";
		}
		if (ex instanceof SdkClientException && (causedBy(ex, ConnectException.class)
				|| causedBy(ex, NoRouteToHostException.class) || causedBy(ex, SocketTimeoutException.class))) {
			return "The endpoint " + this.where + " cannot be reached (connection refused or timed out): check the"
					+ " endpoint setting and that the network allows GreenLedger to reach it.";
		}
		if (ex instanceof SdkClientException && causedBy(ex, SSLException.class)) {
			return "The TLS connection to " + this.where + " failed (certificate or protocol): check the endpoint's"
					+ " certificate, or use its http:// address on a trusted network.";
		}
		if (ex instanceof SdkClientException && String.valueOf(ex.getMessage()).contains("credentials")) {
			return "No credentials: set accessKeyId and secretAccessKey, or give GreenLedger's process credentials"
					+ " through the default chain (environment variables, profile, container or instance role).";
		}
		return "The store at " + this.where + " could not be read (" + ex.getClass().getSimpleName()
				+ "); the next run tries again.";
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
