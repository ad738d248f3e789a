package org.greenledger.core.billing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The billing export formats GreenLedger reads, as a user may name them when uploading
 * (the API's {@code format} parameter).
 */
public enum BillingFormat {

	/** FinOps FOCUS 1.0-1.2. */
	FOCUS("FinOps FOCUS", Set.of("FOCUS")),

	/** AWS Cost and Usage Report, legacy or 2.0 (both are accepted under this name). */
	AWS_CUR("an AWS Cost and Usage Report (legacy CUR)", Set.of("AWSCUR", "CUR", "AWSCURLEGACY", "CURLEGACY")),

	/** AWS CUR 2.0 (AWS Data Exports). */
	AWS_CUR2("an AWS CUR 2.0 export", Set.of("AWSCUR2", "CUR2", "AWSCUR20", "CUR20")),

	/** Google Cloud billing export (BigQuery standard or detailed usage cost). */
	GCP("a Google Cloud billing export", Set.of("GCP", "GOOGLE", "GOOGLECLOUD", "GCPBILLING", "GOOGLECLOUDBILLING")),

	/** Azure cost details (EA or MCA, actual or amortized). */
	AZURE("an Azure cost details export", Set.of("AZURE", "AZUREEA", "AZUREMCA", "AZURECOSTDETAILS", "MICROSOFT"));

	private final String description;

	private final Set<String> spellings;

	BillingFormat(String description, Set<String> spellings) {
		this.description = description;
		this.spellings = spellings;
	}

	/**
	 * The format a user named, leniently: case, spaces, dots, hyphens and underscores do
	 * not matter, and a FOCUS version may follow ({@code "focus 1.2"}); empty when the
	 * name is unknown.
	 */
	public static Optional<BillingFormat> parse(@Nullable String requested) {
		if (requested == null) {
			return Optional.empty();
		}
		String key = requested.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		if (key.startsWith("FOCUS")) {
			return Optional.of(FOCUS);
		}
		return Arrays.stream(values()).filter(format -> format.spellings.contains(key)).findFirst();
	}

	/** The names the API accepts, for messages and documentation. */
	public static List<String> names() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}

	/** What the format is, for messages ("an AWS CUR 2.0 export"). */
	public String description() {
		return this.description;
	}

	/**
	 * Whether a file detected as {@code detected} may be read when this format was
	 * requested: the same format, or any CUR when AWS_CUR was requested.
	 */
	boolean admits(BillingFormat detected) {
		return this == detected || (this == AWS_CUR && detected == AWS_CUR2);
	}

}
