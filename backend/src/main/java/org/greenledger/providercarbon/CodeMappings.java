package org.greenledger.providercarbon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.stereotype.Component;

/**
 * How the providers' carbon files name services and regions against how their bills (in
 * the ledger) name them, from {@code classpath:providercarbon/code-mappings.csv} (each
 * row with its source and licence): AWS product codes against service names, Azure
 * resource types against meter categories, Azure region display names against region
 * codes. A name without a row is the same on both sides (Google's service descriptions,
 * AWS and Google region codes).
 */
@Component
public class CodeMappings {

	static final String RESOURCE = "providercarbon/code-mappings.csv";

	private static final List<String> COLUMNS = List.of("provider", "kind", "provider_code", "billing_name", "source",
			"licence");

	/** provider|kind|billing name (lower case) to the provider's code. */
	private final Map<String, String> toProvider;

	/** provider|kind|provider's code (lower case) to the billing names, as written. */
	private final Map<String, List<String>> toLedger;

	public CodeMappings() {
		Map<String, List<String>> names = new HashMap<>();
		this.toProvider = load(names);
		this.toLedger = Map.copyOf(names);
	}

	/**
	 * The names the ledger may give what the provider's carbon file calls {@code code}:
	 * the code itself (a name without a mapping row is the same on both sides) and every
	 * billing name mapped to it.
	 * @param kind {@code service} or {@code region}
	 */
	public List<String> ledgerNames(Provider provider, String kind, String code) {
		List<String> names = new ArrayList<>(List.of(code));
		for (String name : this.toLedger.getOrDefault(key(provider, kind, code), List.of())) {
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * The provider carbon file's code for a name of the ledger (a service or a region),
	 * or the name itself when no row maps it.
	 * @param kind {@code service} or {@code region}
	 */
	public String providerCode(Provider provider, String kind, String ledgerName) {
		return this.toProvider.getOrDefault(key(provider, kind, ledgerName), ledgerName);
	}

	private static String key(Provider provider, String kind, String name) {
		return provider.name() + "|" + kind + "|" + name.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads the mappings: billing name to the provider's code (returned) and the
	 * provider's code to the billing names ({@code names}).
	 */
	private static Map<String, String> load(Map<String, List<String>> names) {
		try (InputStream in = CodeMappings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the class path");
			}
			Map<String, String> codes = new HashMap<>();
			try (CSVParser parser = CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				if (!parser.getHeaderNames().equals(COLUMNS)) {
					throw new IllegalStateException("the columns must be " + COLUMNS);
				}
				for (CSVRecord record : parser) {
					for (String column : COLUMNS) {
						if (record.get(column).isBlank()) {
							throw new IllegalStateException("line " + record.getRecordNumber() + " lacks " + column);
						}
					}
					Provider provider = Provider.parse(record.get("provider"))
						.orElseThrow(() -> new IllegalStateException(
								"line " + record.getRecordNumber() + ": unknown provider " + record.get("provider")));
					String kind = record.get("kind");
					if (!kind.equals("service") && !kind.equals("region")) {
						throw new IllegalStateException("line " + record.getRecordNumber() + ": kind " + kind
								+ " is neither service nor region");
					}
					String previous = codes.put(key(provider, kind, record.get("billing_name")),
							record.get("provider_code"));
					names.computeIfAbsent(key(provider, kind, record.get("provider_code")), name -> new ArrayList<>())
						.add(record.get("billing_name"));
					if (previous != null && !previous.equals(record.get("provider_code"))) {
						throw new IllegalStateException(
								"line " + record.getRecordNumber() + ": " + record.get("billing_name")
										+ " maps to both " + previous + " and " + record.get("provider_code"));
					}
				}
			}
			return Map.copyOf(codes);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Could not read " + RESOURCE + ": " + ex.getMessage(), ex);
		}
	}

}
