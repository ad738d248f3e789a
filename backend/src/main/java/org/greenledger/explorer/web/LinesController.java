package org.greenledger.explorer.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.greenledger.explorer.Explorer;
import org.greenledger.explorer.ExplorerQuery;
import org.greenledger.explorer.FactorYears;
import org.greenledger.explorer.LineQuery;
import org.greenledger.ledger.ActivityLineExport;
import org.greenledger.ledger.ActivityLines;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LineSelection;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The explorer's lines: a page of the filtered lines (all, with a footprint, cost-only or
 * of one data-quality tier; in file order or sorted by CO2e, cost or date), their export
 * as CSV or XLSX, and one line's lineage with its source row and a link back to the list.
 */
@Controller
class LinesController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Explorer explorer;

	private final FootprintQuery footprint;

	private final OrgUnitScopes scopes;

	private final Clock clock;

	LinesController(Explorer explorer, FootprintQuery footprint, OrgUnitScopes scopes, Clock clock) {
		this.explorer = explorer;
		this.footprint = footprint;
		this.scopes = scopes;
		this.clock = clock;
	}

	@GetMapping("/explorer/lines")
	String lines(@RequestParam Map<String, String> params, Authentication authentication, Model model) {
		OrgUnitScope scope = this.scopes.of(authentication);
		LineQuery lines = query(params, model);
		model.addAttribute("query", lines.query());
		model.addAttribute("selection", lines.selection());
		model.addAttribute("links", new LineLinks(lines.query(), lines.selection()));
		model.addAttribute("total", this.explorer.total(lines.query(), scope).orElse(null));
		model.addAttribute("page", this.explorer.lines(lines, scope));
		return "explorer-lines";
	}

	@GetMapping("/explorer/lines.csv")
	ResponseEntity<StreamingResponseBody> csv(@RequestParam Map<String, String> params, Authentication authentication) {
		LineQuery lines = exportQuery(params);
		Iterable<List<@org.jspecify.annotations.Nullable Object>> rows = this.explorer.export(lines,
				this.scopes.of(authentication));
		return download(lines, "csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				out -> LineExports.csv(ActivityLineExport.HEADERS, rows, out));
	}

	@GetMapping("/explorer/lines.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@RequestParam Map<String, String> params,
			Authentication authentication) {
		LineQuery lines = exportQuery(params);
		Iterable<List<@org.jspecify.annotations.Nullable Object>> rows = this.explorer.export(lines,
				this.scopes.of(authentication));
		return download(lines, "xlsx", XLSX, out -> LineExports.xlsx("Lines", ActivityLineExport.HEADERS, rows, out));
	}

	@GetMapping("/explorer/lines/{jobId}/{row}")
	String line(@PathVariable UUID jobId, @PathVariable long row, @RequestParam Map<String, String> params,
			Authentication authentication, Model model) {
		OrgUnitScope scope = this.scopes.of(authentication);
		ActivityLines.Detail detail = this.explorer.line(jobId, row, scope)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such activity line"));
		model.addAttribute("detail", detail);
		model.addAttribute("sourceRow", this.explorer.sourceRow(jobId, row, scope).orElse(null));
		model.addAttribute("factorYears", FactorYears.of(detail));
		LineQuery lines = query(params, new org.springframework.ui.ExtendedModelMap());
		model.addAttribute("back", new LineLinks(lines.query(), lines.selection()));
		return "explorer-line";
	}

	private static ResponseEntity<StreamingResponseBody> download(LineQuery lines, String extension, MediaType type,
			StreamingResponseBody body) {
		String name = "greenledger-lines-" + lines.query().from() + "-to-" + lines.query().to() + "." + extension;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	private LineQuery exportQuery(Map<String, String> params) {
		try {
			return new LineQuery(ExplorerController.query(params, latest()), LineQuery.selection(params), null);
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The query is not valid: " + ex.getMessage());
		}
	}

	/**
	 * The query of the parameters; a bad one is explained in the model and the default
	 * shown instead (every line of the calendar year of the latest data, in file order).
	 */
	private LineQuery query(Map<String, String> params, Model model) {
		YearMonth latest = latest();
		try {
			return new LineQuery(ExplorerController.query(params, latest), LineQuery.selection(params),
					params.get("after"));
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			model.addAttribute("queryProblem", "The query is not valid: " + ex.getMessage()
					+ ". Months are YYYY-MM; the groupings are " + ExplorerQuery.GROUPINGS + ".");
			return new LineQuery(ExplorerController.query(Map.of(), latest), LineSelection.ALL, null);
		}
	}

	private YearMonth latest() {
		return this.footprint.latestMonth().orElse(YearMonth.now(this.clock));
	}

}
