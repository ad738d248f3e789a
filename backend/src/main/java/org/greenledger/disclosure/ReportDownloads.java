package org.greenledger.disclosure;

import java.util.List;
import java.util.Locale;

import org.greenledger.system.ApiProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Download responses of stored reports, shared by the API and the portal. */
public final class ReportDownloads {

	private ReportDownloads() {
	}

	/**
	 * A rendering (pdf, xlsx, html, or csv for the EU data-centre report) with its
	 * SHA-256 in {@code X-Content-SHA256}.
	 */
	public static ResponseEntity<byte[]> content(StoredReport report, String format, Disclosures disclosures) {
		String wanted = format.strip().toLowerCase(Locale.ROOT);
		MediaType type = switch (wanted) {
			case "pdf" -> MediaType.APPLICATION_PDF;
			case "xlsx" ->
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			case "html" -> MediaType.TEXT_HTML;
			case "csv" -> MediaType.parseMediaType("text/csv;charset=UTF-8");
			default -> throw ApiProblemException.invalidFields(List.of(new ApiProblemException.FieldProblem("format",
					"one of pdf, xlsx, html, csv (EU data-centre report)")));
		};
		byte[] content = disclosures.content(report.id(), wanted)
			.orElseThrow(
					() -> ApiProblemException.notFound("Report " + report.id() + " has no " + wanted + " rendering."));
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName(report) + "." + wanted).build().toString())
			.header("X-Content-SHA256", report.contents().get(wanted))
			.body(content);
	}

	/** The evidence pack as a ZIP download. */
	public static ResponseEntity<byte[]> evidence(StoredReport report, Disclosures disclosures) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName(report) + "-evidence.zip").build().toString())
			.body(disclosures.evidence(report));
	}

	static String fileName(StoredReport report) {
		return report.type().name().toLowerCase(Locale.ROOT) + "-" + report.from() + "-" + report.to() + "-"
				+ report.id().toString().substring(0, 8);
	}

}
