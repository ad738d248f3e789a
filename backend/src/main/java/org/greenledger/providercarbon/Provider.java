package org.greenledger.providercarbon;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The providers whose carbon figures are imported, with the provider keys their bills
 * carry in the ledger (the billing mapper normalises every billing format's provider to
 * {@code aws}, {@code gcp} or {@code azure}).
 */
public enum Provider {

	AWS("AWS", List.of("aws"),
			"AWS's Scope 3 (model v3) holds IT hardware amortized over 6 years, buildings and equipment over 50"
					+ " years, and fuel- and energy-related activities (upstream fuel and electricity, T&D losses)"),

	GOOGLE_CLOUD("Google Cloud", List.of("gcp"),
			"Google's Scope 3 holds equipment amortized over 4 years, buildings over 20 years, data-centre staff"
					+ " travel and commuting, T&D losses and the extraction and transport of fuels for grid electricity"),

	AZURE("Azure", List.of("azure"),
			"Microsoft's Scope 3 holds categories 1, 2, 4, 5, 9 and 12: server and network hardware (6-year life)"
					+ " from extraction to end of life, without the data-centre buildings");

	private final String label;

	private final List<String> ledgerNames;

	private final String scope3Boundary;

	Provider(String label, List<String> ledgerNames, String scope3Boundary) {
		this.label = label;
		this.ledgerNames = ledgerNames;
		this.scope3Boundary = scope3Boundary;
	}

	/**
	 * What the provider puts in its Scope 3 (from its published methodology; sources in
	 * docs/methodology.md).
	 */
	public String scope3Boundary() {
		return this.scope3Boundary;
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
