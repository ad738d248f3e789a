package org.greenledger.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The role matrix as docs/security.md writes it: rows of endpoints (`METHOD /pattern`, no
 * method for every method) with the outcome per caller. The first row matching a request
 * applies. Read by the tests, so that the documentation and the rules cannot disagree.
 */
record RoleMatrix(List<Row> rows) {

	/** The matrix's columns after the endpoint column, in the table's order. */
	static final List<String> CALLERS = List.of("ADMIN", "SUSTAINABILITY_OFFICER", "AUDITOR", "PROCUREMENT",
			"API_CLIENT", "anonymous");

	private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	/** What a caller gets. */
	enum Outcome {

		/** Anything but 401, 403 or a redirect to the sign-in page. */
		ALLOWED,
		/** 403. */
		FORBIDDEN,
		/** 401 (API and actuator). */
		UNAUTHORIZED,
		/** A redirect to the portal's sign-in page. */
		LOGIN;

		static Outcome parse(String cell) {
			String text = cell.strip().toLowerCase(Locale.ROOT);
			if (text.startsWith("yes")) {
				return ALLOWED;
			}
			if (text.startsWith("403")) {
				return FORBIDDEN;
			}
			if (text.startsWith("401")) {
				return UNAUTHORIZED;
			}
			if (text.startsWith("login")) {
				return LOGIN;
			}
			throw new IllegalArgumentException("Unreadable matrix cell '" + cell + "' (yes, 403, 401 or login)");
		}

	}

	/**
	 * One endpoint pattern of a row: a method (null: every method) and a path pattern.
	 */
	record Endpoint(String method, PathPattern pattern) {

		boolean matches(String requestMethod, String path) {
			return (this.method == null || this.method.equals(requestMethod))
					&& this.pattern.matches(PathContainer.parsePath(path));
		}

		@Override
		public String toString() {
			return ((this.method != null) ? this.method + " " : "") + this.pattern.getPatternString();
		}

	}

	record Row(String text, List<Endpoint> endpoints, Map<String, Outcome> outcomes) {

		boolean matches(String method, String path) {
			return this.endpoints.stream().anyMatch(endpoint -> endpoint.matches(method, path));
		}

		Outcome outcome(String caller) {
			return this.outcomes.get(caller);
		}

	}

	Optional<Row> rowFor(String method, String path) {
		return this.rows.stream().filter(row -> row.matches(method, path)).findFirst();
	}

	/**
	 * Reads the first table after the heading "## Role matrix" of the given Markdown
	 * file.
	 */
	static RoleMatrix read(Path markdown) {
		List<String> lines;
		try {
			lines = Files.readAllLines(markdown);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int at = 0;
		while (at < lines.size() && !lines.get(at).startsWith("## Role matrix")) {
			at++;
		}
		while (at < lines.size() && !lines.get(at).startsWith("|")) {
			at++;
		}
		if (at >= lines.size()) {
			throw new IllegalStateException("No role matrix table in " + markdown);
		}
		List<String> header = cells(lines.get(at)).subList(1, 7);
		if (!header.equals(CALLERS)) {
			throw new IllegalStateException("The role matrix's columns must be " + CALLERS + ", not " + header);
		}
		List<Row> rows = new ArrayList<>();
		for (at += 2; at < lines.size() && lines.get(at).startsWith("|"); at++) {
			rows.add(row(lines.get(at)));
		}
		return new RoleMatrix(List.copyOf(rows));
	}

	/** docs/security.md, found from the working directory (the module or the project). */
	static Path securityDoc() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			Path doc = dir.resolve("docs/security.md");
			if (Files.isRegularFile(doc)) {
				return doc;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("docs/security.md not found above " + Path.of("").toAbsolutePath());
	}

	private static Row row(String line) {
		List<String> cells = cells(line);
		if (cells.size() != 7) {
			throw new IllegalArgumentException("A role matrix row needs 7 cells: " + line);
		}
		List<Endpoint> endpoints = new ArrayList<>();
		// text in parentheses describes the endpoints
		Matcher code = CODE.matcher(cells.get(0).replaceAll("\\([^)]*\\)", ""));
		while (code.find()) {
			endpoints.add(endpoint(code.group(1)));
		}
		if (endpoints.isEmpty()) {
			throw new IllegalArgumentException("A role matrix row names no endpoint: " + line);
		}
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		for (int i = 0; i < CALLERS.size(); i++) {
			outcomes.put(CALLERS.get(i), Outcome.parse(cells.get(i + 1)));
		}
		return new Row(cells.get(0), List.copyOf(endpoints), outcomes);
	}

	private static Endpoint endpoint(String text) {
		String[] parts = text.strip().split("\\s+");
		String method = (parts.length == 2) ? parts[0] : null;
		String path = parts[parts.length - 1];
		if (parts.length > 2 || (method != null && !METHODS.contains(method)) || !path.startsWith("/")) {
			throw new IllegalArgumentException("Not an endpoint ('METHOD /path' or '/path'): `" + text + "`");
		}
		return new Endpoint(method, PathPatternParser.defaultInstance.parse(path));
	}

	private static List<String> cells(String line) {
		String inner = line.strip();
		inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
		return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
	}

}
