package org.greenledger.connectors;

/**
 * One setting of a connector type, as the API accepts it and the portal's form shows it.
 *
 * @param name the key in the connector's JSON body and in the form
 * @param label what the form calls it
 * @param hint a sentence under the form field
 * @param required whether a connector of the type needs it
 * @param secret whether it is write-only: stored encrypted, never returned, never logged
 */
public record SettingField(String name, String label, String hint, boolean required, boolean secret) {

	public static SettingField optional(String name, String label, String hint) {
		return new SettingField(name, label, hint, false, false);
	}

	public static SettingField required(String name, String label, String hint) {
		return new SettingField(name, label, hint, true, false);
	}

	public static SettingField secret(String name, String label, String hint) {
		return new SettingField(name, label, hint, false, true);
	}

}
