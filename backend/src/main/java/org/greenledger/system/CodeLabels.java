package org.greenledger.system;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Human labels for the codes the ledger stores, for pages and exports
 * ({@code ${@labels.of(code)}}): GHG Protocol scopes and categories
 * ({@code SCOPE_3_CATEGORY_1} is "Scope 3, category 1: purchased goods and services"),
 * measured sources ({@code CODECARBON} is "CodeCarbon runs") and workload rules
 * ({@code MEASURED {project=codecarbon}} is "measured series with project = codecarbon").
 * A code without a label is shown in words (underscores as spaces, lower case).
 */
@Component("labels")
public class CodeLabels {

	/** The 15 Scope 3 categories of the GHG Protocol Corporate Value Chain Standard. */
	private static final String[] SCOPE_3 = { "purchased goods and services", "capital goods",
			"fuel- and energy-related activities", "upstream transportation and distribution",
			"waste generated in operations", "business travel", "employee commuting", "upstream leased assets",
			"downstream transportation and distribution", "processing of sold products", "use of sold products",
			"end-of-life treatment of sold products", "downstream leased assets", "franchises", "investments" };

	private static final Pattern SCOPE_3_CATEGORY = Pattern.compile("SCOPE_3_CATEGORY_(\\d{1,2})");

	private static final Pattern RULE = Pattern.compile("(MEASURED|CLOUD_TAG)\\s*\\{(.*)}");

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("SCOPE_1", "Scope 1: direct emissions"),
			Map.entry("SCOPE_2", "Scope 2: purchased electricity"),
			Map.entry("SCOPE_2_LOCATION", "Scope 2, location-based"),
			Map.entry("SCOPE_2_MARKET", "Scope 2, market-based"), Map.entry("SCOPE_3", "Scope 3: value chain"),
			Map.entry("SCOPE_3_BOUNDARY", "Scope 3 boundary differs"), Map.entry("METER_CSV", "meter readings (CSV)"),
			Map.entry("GREEN_BUTTON", "Green Button readings"), Map.entry("NVIDIA_SMI", "GPU telemetry (nvidia-smi)"),
			Map.entry("DCGM", "GPU telemetry (DCGM exporter)"), Map.entry("KEPLER", "Kepler energy metrics"),
			Map.entry("CODECARBON", "CodeCarbon runs"), Map.entry("MEASURED", "measured series"),
			Map.entry("CLOUD_TAG", "cloud rows tagged"), Map.entry("CLOUD", "cloud bill"),
			Map.entry("GHG_INVENTORY", "GHG inventory"), Map.entry("ESRS_E1", "ESRS E1 climate disclosure"),
			Map.entry("TRAINING", "training"), Map.entry("INFERENCE", "inference"),
			Map.entry("EXPERIMENTATION", "experimentation"), Map.entry("FINE_TUNING", "fine-tuning"),
			Map.entry("DATA_PREPARATION", "data preparation"), Map.entry("IT", "IT load"),
			Map.entry("FACILITY", "facility"));

	/** The label of a code; blank or null as "(none)". */
	public String of(@Nullable Object code) {
		return label(code);
	}

	/** The label of a code; blank or null as "(none)". */
	public static String label(@Nullable Object code) {
		if (code == null || code.toString().isBlank()) {
			return "(none)";
		}
		String text = code.toString().strip();
		String known = LABELS.get(text);
		if (known != null) {
			return known;
		}
		Matcher category = SCOPE_3_CATEGORY.matcher(text);
		if (category.matches()) {
			int number = Integer.parseInt(category.group(1));
			return (number >= 1 && number <= SCOPE_3.length)
					? "Scope 3, category " + number + ": " + SCOPE_3[number - 1] : "Scope 3, category " + number;
		}
		Matcher rule = RULE.matcher(text);
		if (rule.matches()) {
			String pairs = rule.group(2).strip().replace("=", " = ").replace(",", ", ").replaceAll("\\s+", " ");
			return (rule.group(1).equals("MEASURED") ? "measured series with " : "cloud rows tagged ")
					+ (pairs.isEmpty() ? "(any label)" : pairs);
		}
		if (text.matches("[A-Z][A-Z0-9_]*_[A-Z0-9_]+")) {
			return text.replace('_', ' ').toLowerCase(Locale.ROOT);
		}
		return text;
	}

}
