package org.greenledger.connectors.azure;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import org.jspecify.annotations.Nullable;

import org.greenledger.connectors.ConnectorException;

/**
 * Turns what the Azure SDK throws into a {@link ConnectorException} whose message says
 * what to do: a wrong key or SAS, a missing container, missing permissions, an
 * unreachable endpoint. The SDK's own text is never shown.
 */
final class AzureErrors {

	private final AzureBlobSettings settings;

	AzureErrors(AzureBlobSettings settings) {
		this.settings = settings;
	}

	/**
	 * @param failure what the SDK threw
	 * @param doing what was being done, as "listing 'exports/'" or "reading 'a.csv'"
	 */
	ConnectorException translate(RuntimeException failure, String doing) {
		if (failure instanceof BlobStorageException storage) {
			return new ConnectorException(storage(storage, doing), failure);
		}
		Throwable network = networkCause(failure);
		if (network != null) {
			return new ConnectorException(
					"could not reach Azure Storage at " + this.settings.endpoint() + " while " + doing + ": "
							+ describe(network) + "; check the endpoint and that this server may connect to it",
					failure);
		}
		return new ConnectorException("Azure Storage failed while " + doing + " in container '"
				+ this.settings.container() + "' (" + failure.getClass().getSimpleName() + ")", failure);
	}

	private String storage(BlobStorageException ex, String doing) {
		BlobErrorCode code = ex.getErrorCode();
		String account = "storage account '" + this.settings.accountName() + "'";
		String container = "container '" + this.settings.container() + "'";
		if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
			return "the " + container + " does not exist in the " + account
					+ ": check its name, or create it as the export's destination";
		}
		if (BlobErrorCode.AUTHENTICATION_FAILED.equals(code)
				|| BlobErrorCode.INVALID_AUTHENTICATION_INFO.equals(code)) {
			return credentialRefused(account, code);
		}
		if (BlobErrorCode.AUTHORIZATION_FAILURE.equals(code)) {
			// Azure's answer to a credential it does not accept, and to an address its
			// network rules refuse
			return credentialRefused(account, code) + " (or the account's network rules do not allow this server)";
		}
		if (BlobErrorCode.AUTHORIZATION_PERMISSION_MISMATCH.equals(code)
				|| BlobErrorCode.AUTHORIZATION_RESOURCE_TYPE_MISMATCH.equals(code)
				|| BlobErrorCode.AUTHORIZATION_SERVICE_MISMATCH.equals(code)
				|| BlobErrorCode.INSUFFICIENT_ACCOUNT_PERMISSIONS.equals(code)) {
			return "the credentials may not do this in the " + container + " of the " + account + " (" + code
					+ ") while " + doing
					+ ": grant list and read (the role Storage Blob Data Reader on the container, or a SAS with the"
					+ " read and list permissions)";
		}
		if (BlobErrorCode.BLOB_NOT_FOUND.equals(code)) {
			return "a blob is missing from the " + container + " while " + doing
					+ ": it was deleted after it was listed; the next run lists again";
		}
		if (BlobErrorCode.CONDITION_NOT_MET.equals(code)) {
			return "a blob changed after it was listed, while " + doing
					+ ": nothing of it was taken; the next run takes the new version";
		}
		if (BlobErrorCode.ACCOUNT_IS_DISABLED.equals(code)) {
			return "the " + account + " is disabled";
		}
		if (ex.getStatusCode() == 403) {
			return credentialRefused(account, code);
		}
		return "Azure Storage answered HTTP " + ex.getStatusCode() + ((code != null) ? " (" + code + ")" : "")
				+ " while " + doing + " in the " + container + " of the " + account;
	}

	private String credentialRefused(String account, @Nullable BlobErrorCode code) {
		String reason = (code != null) ? " (" + code + ")" : "";
		if (this.settings.accountKey() != null) {
			return "Azure Storage refused the account key for the " + account + reason
					+ ": check the key (the storage account's Access keys; it may have been rotated) and the account name";
		}
		return "Azure Storage refused the SAS token for the " + account + reason
				+ ": it may have expired, be signed for another account or container, or lack the read and list"
				+ " permissions; make a new one";
	}

	private static @Nullable Throwable networkCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof HttpTimeoutException || cause instanceof TimeoutException
					|| cause instanceof SSLException || cause instanceof java.nio.channels.ClosedChannelException) {
				return cause;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static String describe(Throwable network) {
		if (network instanceof UnknownHostException) {
			return "the host name is unknown";
		}
		if (network instanceof HttpConnectTimeoutException || network instanceof HttpTimeoutException
				|| network instanceof TimeoutException) {
			return "it did not answer in time";
		}
		if (network instanceof SSLException) {
			return "the TLS handshake failed (an https endpoint that is not Azure Storage, or http expected)";
		}
		return "the connection was refused";
	}

}
