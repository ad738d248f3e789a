package org.greenledger.providercarbon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.ingestion.DelegatedFile;

/**
 * JSON input of the provider readers, through ingestion's bounded, exact-number JSON
 * mapper: whole documents, newline-delimited records, and nested objects flattened to
 * dotted lower-case keys ({@code project.id}).
 */
public final class JsonValues {

	private JsonValues() {
	}

	/** The whole file as one JSON document; a file that is not JSON is refused. */
	public static JsonNode document(DelegatedFile file) {
		try (Reader text = file.text()) {
			return IngestionJson.MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			throw new InvalidFileException(file.fileName() + ": the file is not valid JSON ("
					+ ex.getOriginalMessage().replaceAll("\\s+", " ") + ")", ex);
		}
		catch (IOException ex) {
			throw new InvalidFileException(file.fileName() + ": the file cannot be read: " + ex.getMessage(), ex);
		}
	}

	/** Receives one record of a newline-delimited JSON file. */
	@FunctionalInterface
	public interface RecordHandler {

		void record(long row, Map<String, String> values);

	}

	/**
	 * Hands every non-blank line, flattened, to the handler; a line that is not a JSON
	 * object is a row error.
	 * @return the number of records read
	 */
	public static long lines(DelegatedFile file, RecordHandler handler) {
		long row = 0;
		try (BufferedReader lines = new BufferedReader(file.text())) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				row++;
				JsonNode node;
				try {
					node = IngestionJson.MAPPER.readTree(line);
				}
				catch (JacksonException ex) {
					file.reject(row, "*", "the line is not valid JSON (" + ex.getOriginalMessage() + ")");
					continue;
				}
				if (!node.isObject()) {
					file.reject(row, "*", "the line is not a JSON object");
					continue;
				}
				handler.record(row, flattened(node));
			}
		}
		catch (IOException ex) {
			throw new InvalidFileException(
					file.fileName() + ": the file cannot be read after record " + row + ": " + ex.getMessage(), ex);
		}
		return row;
	}

	/** An object's values by dotted lower-case path; JSON null is left out. */
	public static Map<String, String> flattened(JsonNode node) {
		Map<String, String> values = new LinkedHashMap<>();
		flatten("", node, values);
		return values;
	}

	private static void flatten(String prefix, JsonNode node, Map<String, String> values) {
		if (node.isObject()) {
			node.properties()
				.forEach(entry -> flatten(prefix + entry.getKey().toLowerCase(Locale.ROOT) + ".", entry.getValue(),
						values));
			return;
		}
		String key = prefix.substring(0, Math.max(0, prefix.length() - 1));
		String value = text(node);
		if (value != null) {
			values.put(key, value);
		}
	}

	/**
	 * A value node's text (numbers exactly as written), null for JSON null or missing.
	 */
	public static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isNumber()) {
			return node.decimalValue().toPlainString();
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

}
