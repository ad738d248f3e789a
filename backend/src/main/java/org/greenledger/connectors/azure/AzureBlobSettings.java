package org.greenledger.connectors.azure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.greenledger.connectors.ConnectorException;

/**
 * The settings of an AZURE_BLOB connector.
 *
 * <p>
 * Settings: {@code accountName} (the storage account, 3-24 lowercase letters and digits),
 * {@code container} (3-63 lowercase letters, digits and single hyphens), {@code prefix}
 * (optional, the folder the exports land in, without a leading slash) and
 * {@code endpoint} (optional: the blob service URL, by default
 * {@code https://<accountName>.blob.core.windows.net}; for Azurite
 * {@code http://127.0.0.1:10000/devstoreaccount1}). Secrets: exactly one of
 * {@code accountKey} (base64, as shown under the account's Access keys) or
 * {@code sasToken} (a service or account SAS with read and list permissions, with or
 * without its leading {@code ?}).
 *
 * @param endpoint the blob service URL
 * @param accountName the storage account
 * @param container the container
 * @param prefix the folder under which objects are read ("" for the whole container)
 * @param accountKey the account key, or null when a SAS is used
 * @param sasToken the SAS token without its leading {@code ?}, or null when a key is used
 */
public record AzureBlobSettings(URI endpoint, String accountName, String container, String prefix,
		@Nullable String accountKey, @Nullable String sasToken) {

	public static final String ENDPOINT = "endpoint";

	public static final String ACCOUNT_NAME = "accountName";

	public static final String CONTAINER = "container";

	public static final String PREFIX = "prefix";

	public static final String ACCOUNT_KEY = "accountKey";

	public static final String SAS_TOKEN = "sasToken";

	private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");

	private static final Pattern CONTAINER_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}");

	/**
	 * The settings, validated; a {@link ConnectorException} lists every field error in
	 * one message (see {@link #errors}).
	 */
	public static AzureBlobSettings of(Map<String, String> settings, Map<String, String> secrets)
			throws ConnectorException {
		Map<String, String> errors = errors(settings, secrets);
		if (!errors.isEmpty()) {
			StringBuilder message = new StringBuilder("the Azure Blob settings are not valid:");
			errors.forEach((field, error) -> message.append(' ').append(field).append(": ").append(error).append(';'));
			message.setLength(message.length() - 1);
			throw new ConnectorException(message.toString());
		}
		String account = value(settings, ACCOUNT_NAME);
		String endpoint = value(settings, ENDPOINT);
		URI uri = endpoint.isEmpty() ? URI.create("https://" + account + ".blob.core.windows.net")
				: URI.create(stripSlash(endpoint));
		String key = value(secrets, ACCOUNT_KEY);
		String sas = value(secrets, SAS_TOKEN);
		return new AzureBlobSettings(uri, account, value(settings, CONTAINER), prefix(value(settings, PREFIX)),
				key.isEmpty() ? null : key, sas.isEmpty() ? null : stripQuestionMark(sas));
	}

	/**
	 * What is wrong with the settings, field name to a sentence, in field order; empty
	 * when they are valid.
	 */
	public static Map<String, String> errors(Map<String, String> settings, Map<String, String> secrets) {
		Map<String, String> errors = new LinkedHashMap<>();
		String endpoint = value(settings, ENDPOINT);
		if (!endpoint.isEmpty()) {
			endpointError(endpoint).ifPresent(error -> errors.put(ENDPOINT, error));
		}
		String account = value(settings, ACCOUNT_NAME);
		if (account.isEmpty()) {
			errors.put(ACCOUNT_NAME, "is required (the storage account's name)");
		}
		else if (!ACCOUNT.matcher(account).matches()) {
			errors.put(ACCOUNT_NAME,
					"'" + account + "' is not a storage account name (3 to 24 lowercase letters and digits)");
		}
		String container = value(settings, CONTAINER);
		if (container.isEmpty()) {
			errors.put(CONTAINER, "is required (the container the exports are written to)");
		}
		else if (!CONTAINER_NAME.matcher(container).matches()) {
			errors.put(CONTAINER, "'" + container
					+ "' is not a container name (3 to 63 lowercase letters, digits and single hyphens, starting with a letter or digit)");
		}
		String prefix = value(settings, PREFIX);
		if (prefix.startsWith("/")) {
			errors.put(PREFIX, "starts with '/': give the folder inside the container, for example 'exports/daily'");
		}
		String key = value(secrets, ACCOUNT_KEY);
		String sas = value(secrets, SAS_TOKEN);
		if (key.isEmpty() && sas.isEmpty()) {
			errors.put(ACCOUNT_KEY, "an account key or a SAS token (sasToken) is required");
		}
		else if (!key.isEmpty() && !sas.isEmpty()) {
			errors.put(SAS_TOKEN, "give either an account key or a SAS token, not both");
		}
		else if (!key.isEmpty() && !isBase64(key)) {
			errors.put(ACCOUNT_KEY, "is not an account key (a base64 text, as shown under the account's Access keys)");
		}
		else if (!sas.isEmpty() && !stripQuestionMark(sas).contains("sig=")) {
			errors.put(SAS_TOKEN, "is not a SAS token (it has no 'sig=' signature)");
		}
		return errors;
	}

	/** The settings for logs and the portal, without the secrets. */
	@Override
	public String toString() {
		return "AzureBlobSettings[endpoint=" + this.endpoint + ", accountName=" + this.accountName + ", container="
				+ this.container + ", prefix=" + this.prefix + ", credential="
				+ ((this.accountKey != null) ? "account key" : "SAS token") + "]";
	}

	private static java.util.Optional<String> endpointError(String endpoint) {
		try {
			URI uri = new URI(endpoint);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("https") && !scheme.equals("http")) {
				return java.util.Optional.of("'" + endpoint + "' is not an http or https URL");
			}
			if (uri.getHost() == null) {
				return java.util.Optional.of("'" + endpoint + "' has no host");
			}
			if (uri.getQuery() != null) {
				return java.util.Optional.of("has a query ('?...'): give the SAS token as the secret sasToken instead");
			}
			return java.util.Optional.empty();
		}
		catch (URISyntaxException ex) {
			return java.util.Optional.of("'" + endpoint + "' is not a URL");
		}
	}

	private static boolean isBase64(String key) {
		try {
			return Base64.getDecoder().decode(key).length > 0;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String value(Map<String, String> values, String name) {
		String value = values.get(name);
		return (value != null) ? value.strip() : "";
	}

	private static String prefix(String prefix) {
		return (prefix.isEmpty() || prefix.endsWith("/")) ? prefix : prefix + "/";
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static String stripQuestionMark(String sas) {
		return sas.startsWith("?") ? sas.substring(1) : sas;
	}

}
