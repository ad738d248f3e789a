package org.greenledger.providercarbon;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The providers whose carbon figures are imported, with the provider names their bills
 * carry in the ledger (CUR, Google Cloud billing export, Azure cost details and FOCUS
 * {@code ProviderName}).
 */
public enum Provider {

	AWS("AWS", List.of("AWS", "Amazon Web Services")),

	GOOGLE_CLOUD("Google Cloud", List.of("Google Cloud", "Google Cloud Platform", "Google")),

	AZURE("Azure", List.of("Microsoft", "Azure", "Microsoft Azure"));

	private final String label;

	private final List<String> ledgerNames;

	Provider(String label, List<String> ledgerNames) {
		this.label = label;
		this.ledgerNames = ledgerNames;
	}

	/** The name shown in answers. */
	public String label() {
		return this.label;
	}

	/** The provider names the ledger's billing lines of this provider carry. */
	public List<String> ledgerNames() {
		return this.ledgerNames;
	}

	/**
	 * The provider a user named: {@code aws}, {@code gcp}, {@code google}, {@code azure},
	 * ...
	 */
	public static Optional<Provider> parse(String text) {
		String key = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
		return Arrays.stream(values())
			.filter(provider -> key.equals(provider.name().replace("_", ""))
					|| key.equals(provider.label.toUpperCase(Locale.ROOT).replace(" ", ""))
					|| provider == GOOGLE_CLOUD && (key.equals("GCP") || key.equals("GOOGLE"))
					|| provider == AZURE && key.equals("MICROSOFT"))
			.findFirst();
	}

	/** The provider with this label. */
	public static Provider ofLabel(String label) {
		return Arrays.stream(values())
			.filter(provider -> provider.label.equals(label))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No provider labelled " + label));
	}

}
