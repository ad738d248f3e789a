package org.greenledger.providercarbon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

	public CodeMappings() {
		this.toProvider = load();
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

	private static Map<String, String> load() {
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
