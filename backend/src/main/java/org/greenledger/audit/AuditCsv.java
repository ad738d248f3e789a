package org.greenledger.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The audit log as CSV (RFC 4180, UTF-8): one event per line, every cell quoted, and a
 * cell a spreadsheet would take for a formula ({@code = + - @}, tab or carriage return
 * first) prefixed with an apostrophe, so that opening the export never runs anything.
 */
public final class AuditCsv {

	/** The header line's cells. */
	static final List<String> HEADER = List.of("at", "actor", "action", "subject", "changes", "details");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AuditCsv() {
	}

	/**
	 * Answers a request with the selected events as the download {@code audit-events.csv}
	 * (the portal's and the API's export).
	 */
	public static void download(AuditEvents events, AuditFilter filter, HttpServletResponse response)
			throws IOException {
		response.setContentType("text/csv");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("audit-events.csv").build().toString());
		write(events, filter, response.getWriter());
	}

	/** Writes the header and every event the filter selects, newest first. */
	public static void write(AuditEvents events, AuditFilter filter, Writer out) {
		line(out, HEADER);
		events.forEach(filter, event -> line(out, List.of(event.at().toString(), event.actor(), event.action(),
				event.subject(), changes(event), JSON.writeValueAsString(event.details()))));
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A cell as written: neutralised, quoted. */
	static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	private static String changes(AuditEvent event) {
		return event.changes()
			.stream()
			.map(change -> change.field() + ": " + ((change.before() != null) ? change.before() : "(none)") + " -> "
					+ ((change.after() != null) ? change.after() : "(none)"))
			.collect(Collectors.joining("; "));
	}

	private static void line(Writer out, List<String> cells) {
		try {
			out.write(cells.stream().map(AuditCsv::cell).collect(Collectors.joining(",")));
			out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
