package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Cloud instance types and their hardware, from {@code classpath:catalog/instances.csv}.
 */
public final class InstanceCatalog {

	static final String RESOURCE = "catalog/instances.csv";

	private final Map<String, InstanceType> types;

	InstanceCatalog(Map<String, InstanceType> types) {
		this.types = Map.copyOf(types);
	}

	public static InstanceCatalog shipped() {
		try (InputStream in = InstanceCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the class path");
			}
			Map<String, InstanceType> types = new HashMap<>();
			try (CSVParser parser = CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				for (CSVRecord record : parser) {
					InstanceType type = new InstanceType(record.get("provider"), record.get("instance_type"),
							Integer.parseInt(record.get("vcpus")), Double.parseDouble(record.get("memory_gb")),
							blankToNull(record.get("gpu_model")), Integer.parseInt(record.get("gpu_count")),
							blankToNull(record.get("cpu_microarchitecture")),
							Integer.parseInt(record.get("host_vcpus")));
					types.put(key(type.provider(), type.name()), type);
				}
			}
			return new InstanceCatalog(types);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Could not read " + RESOURCE + ": " + ex.getMessage(), ex);
		}
	}

	public Optional<InstanceType> find(String provider, String name) {
		return Optional.ofNullable(this.types.get(key(provider, name)));
	}

	private static String key(String provider, String name) {
		return provider.toLowerCase(Locale.ROOT) + "|" + name.strip().toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
