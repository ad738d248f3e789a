package org.greenledger.procurement.pact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a WBCSD PACT document (tech specs 2.x or 3.x): a single {@code ProductFootprint}
 * object, a JSON array of them, or a PACT API response {@code {"data": [...]}} (or
 * {@code {"data": {...}}}). The spec version of each footprint is taken from its
 * {@code specVersion}. The document is validated as a whole: if anything is wrong the
 * reader throws a {@link PactValidationException} listing every problem with its JSON
 * path, and the caller stores nothing.
 *
 * <p>
 * Limits: {@value #MAX_DOCUMENT_BYTES} bytes, {@value #MAX_FOOTPRINTS} footprints, JSON
 * nesting depth {@value #MAX_NESTING_DEPTH}, strings of {@value #MAX_STRING_LENGTH}
 * characters, {@value #MAX_ERRORS} errors listed.
 */
public final class PactReader {

	/** Largest document accepted, in bytes (10 MiB). */
	public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

	/** Most footprints in one document. */
	public static final int MAX_FOOTPRINTS = 10_000;

	/**
	 * Deepest JSON nesting accepted (a footprint with extensions needs well under 20).
	 */
	public static final int MAX_NESTING_DEPTH = 32;

	/** Longest JSON string accepted, in characters. */
	public static final int MAX_STRING_LENGTH = 100_000;

	/** Most errors listed; further ones are summarized in one line. */
	public static final int MAX_ERRORS = 1_000;

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(MAX_NESTING_DEPTH)
				.maxStringLength(MAX_STRING_LENGTH)
				.maxNameLength(1_000)
				.maxNumberLength(100)
				.maxDocumentLength(MAX_DOCUMENT_BYTES)
				.build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build())
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private PactReader() {
	}

	/** What the JSON parser found, in a sentence of ours (never the parser's words). */
	static String why(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		String lower = message.toLowerCase(java.util.Locale.ROOT);
		if (lower.startsWith("duplicate")) {
			int quote = message.indexOf('"');
			int end = (quote >= 0) ? message.indexOf('"', quote + 1) : -1;
			return "an object has the key " + ((end > quote) ? "'" + message.substring(quote + 1, end) + "' " : "")
					+ "twice";
		}
		if (lower.contains("nesting depth")) {
			return "objects and arrays are nested more than " + MAX_NESTING_DEPTH + " levels deep";
		}
		if (lower.contains("number value length") || lower.contains("number length")) {
			return "a number is longer than 100 digits";
		}
		if (lower.contains("string value length") || lower.contains("string length")) {
			return "a string is longer than " + MAX_STRING_LENGTH + " characters";
		}
		if (lower.contains("name length")) {
			return "a key is longer than 1000 characters";
		}
		if (lower.contains("trailing token")) {
			return "there is more after the end of the JSON document";
		}
		if (lower.contains("end-of-input") || lower.contains("end of input")) {
			return "the document ends before it is complete (truncated?)";
		}
		if (lower.contains("non-standard token") || lower.contains("nan")) {
			return "NaN and Infinity are not JSON numbers";
		}
		if (lower.contains("invalid utf-8") || lower.contains("invalid utf8")) {
			return "the bytes are not UTF-8 text";
		}
		if (lower.contains("illegal character") || lower.contains("ctrl-char") || lower.contains("control character")) {
			return "a string contains a control character that must be escaped";
		}
		return "a character is not where JSON allows it";
	}

	/**
	 * Reads and validates a PACT document.
	 * @param fileName the name of the file, for messages
	 * @param json the document, UTF-8 JSON; read up to the size limit, not closed
	 * @return the footprints, in document order, with any warnings
	 * @throws PactValidationException if the document is not valid; it lists every error
	 * @throws UncheckedIOException if the stream cannot be read
	 */
	public static PactDocument read(String fileName, InputStream json) {
		byte[] bytes;
		try {
			bytes = json.readNBytes(MAX_DOCUMENT_BYTES + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + fileName, ex);
		}
		if (bytes.length > MAX_DOCUMENT_BYTES) {
			throw refused(fileName, "$", "the document is larger than " + MAX_DOCUMENT_BYTES + " bytes");
		}
		JsonNode root;
		try {
			root = MAPPER.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw refused(fileName, "$", "not valid JSON" + at(ex.getLocation()) + ": " + why(ex));
		}
		if (root == null || root.isMissingNode()) {
			throw refused(fileName, "$", "the document is empty");
		}
		String nul = nulCharacter(root, "$");
		if (nul != null) {
			throw refused(fileName, nul, "contains a NUL character (\\u0000), which text may not contain");
		}
		Problems problems = new Problems(MAX_ERRORS);
		List<ProductFootprint> footprints = new ArrayList<>();
		Items items = items(root, fileName);
		Map<String, String> pathsById = new HashMap<>();
		for (int i = 0; i < items.nodes().size(); i++) {
			JsonNode node = items.nodes().get(i);
			String path = items.single() ? items.path() : items.path() + "[" + i + "]";
			ProductFootprint footprint = FootprintReader.read(node, path, problems);
			if (footprint != null) {
				String firstPath = pathsById.putIfAbsent(footprint.id().toString(), path);
				if (firstPath != null) {
					problems.error(path + ".id", "duplicate of " + firstPath + ".id");
				}
				footprints.add(footprint);
			}
		}
		if (problems.hasErrors()) {
			throw new PactValidationException(fileName, problems.errors());
		}
		return new PactDocument(footprints, problems.warnings());
	}

	/** Where the footprints are: the root itself, the root array, or {@code data}. */
	private static Items items(JsonNode root, String fileName) {
		String path = "$";
		JsonNode container = root;
		if (root.isObject() && root.has("data") && !root.has("specVersion")) {
			path = "$.data";
			container = root.get("data");
		}
		if (container.isObject()) {
			return new Items(path, true, List.of(container));
		}
		if (!container.isArray()) {
			throw refused(fileName, path,
					"must be a ProductFootprint object or an array of them, not " + Fields.typeOf(container));
		}
		if (container.isEmpty()) {
			throw refused(fileName, path, "contains no product footprint");
		}
		if (container.size() > MAX_FOOTPRINTS) {
			throw refused(fileName, path,
					"contains " + container.size() + " product footprints; at most " + MAX_FOOTPRINTS + " are read");
		}
		List<JsonNode> nodes = new ArrayList<>(container.size());
		container.values().forEach(nodes::add);
		return new Items(path, false, nodes);
	}

	private static String at(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	/** The path of the first key or string holding a NUL character, or null. */
	private static @Nullable String nulCharacter(JsonNode node, String path) {
		if (node.isString()) {
			return (node.stringValue().indexOf('\0') >= 0) ? path : null;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = nulCharacter(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				String found = (name.indexOf('\0') >= 0) ? path : nulCharacter(node.get(name), path + "." + name);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static PactValidationException refused(String fileName, String path, String message) {
		return new PactValidationException(fileName, List.of(new PactError(path, message)));
	}

	private record Items(String path, boolean single, List<JsonNode> nodes) {

	}

}
