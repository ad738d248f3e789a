package org.greenledger.connectors;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A connector's settings as its type reads them: the plain settings and the decrypted
 * secrets. Exists only while a store is opened or checked; its {@link #toString()} names
 * the secrets that are set, never their values.
 *
 * @param values the settings without secrets (as stored and returned by the API)
 * @param secrets the secrets, decrypted
 */
public record ConnectorSettings(Map<String, String> values, Map<String, String> secrets) {

	public ConnectorSettings {
		values = Map.copyOf(values);
		secrets = Map.copyOf(secrets);
	}

	/** A setting or secret, stripped, or null when it is not set or blank. */
	public @Nullable String text(String name) {
		String value = this.values.containsKey(name) ? this.values.get(name) : this.secrets.get(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** A setting, or the default when it is not set. */
	public String text(String name, String fallback) {
		String value = text(name);
		return (value != null) ? value : fallback;
	}

	/** A yes/no setting ({@code true} or {@code false}; not set is false). */
	public boolean flag(String name) {
		return "true".equalsIgnoreCase(text(name));
	}

	@Override
	public String toString() {
		return "ConnectorSettings[values=" + this.values + ", secrets set=" + this.secrets.keySet() + "]";
	}

}
