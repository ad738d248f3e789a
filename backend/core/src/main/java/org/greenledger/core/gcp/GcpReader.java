package org.greenledger.core.gcp;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.table.CellValues;
import org.greenledger.core.table.Column;
import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowCells;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;

/**
 * Reads a Google Cloud billing export, streaming: as a table (CSV with dotted column
 * names, or any other {@link Table}) or as newline-delimited JSON (the nested export
 * objects, one per line). Each row becomes a {@link BillingRow} whose billed cost is the
 * row's {@code cost} plus the sum of its {@code credits} amounts (credits are negative),
 * so that the file's billed total is what the invoice charges; or it is rejected with
 * everything wrong with it.
 */
public final class GcpReader {

	/** The format label of a CSV (or other table) export. */
	public static final String LABEL = "Google Cloud billing export";

	/** The format label of a newline-delimited JSON export. */
	public static final String JSON_LABEL = "Google Cloud billing export (JSON)";

	private static final List<String[]> JSON_PATHS = GcpColumns.JSON_FIELDS.stream()
		.map(field -> field.split("\\."))
		.toList();

	private static final List<String> JSON_NAMES = List.copyOf(GcpColumns.JSON_FIELDS);

	private GcpReader() {
	}

	/** Whether a header looks like a Google Cloud billing export. */
	public static boolean recognises(List<String> header) {
		return GcpColumns.recognises(header);
	}

	/** Reads every row of a table; returns the format label. */
	public static String read(String fileName, Table table, BillingRowSink sink) {
		TableRows.requireHeader(fileName, table);
		GcpColumns columns = GcpColumns.of(fileName, table.header());
		TableRows.each(fileName, table, (row, cells) -> handle(new RowCells(row, cells), columns, sink));
		return LABEL;
	}

	/**
	 * Reads newline-delimited JSON, one object per line (blank lines are skipped; rows
	 * are numbered from 1 without them). A line that is not a JSON object is a rejected
	 * row; the first object must have the mandatory fields.
	 */
	public static String readJsonLines(String fileName, Reader reader, BillingRowSink sink) {
		GcpColumns columns = GcpColumns.json();
		JsonLines lines = new JsonLines(reader);
		long row = 0;
		boolean checked = false;
		try {
			for (String line = lines.next(); line != null; line = lines.next()) {
				row++;
				JsonNode object = object(line);
				if (object == null) {
					sink.reject(row, List.of(new RowError(row, "*", problem(line))), null);
					continue;
				}
				if (!checked) {
					checkFields(fileName, object);
					checked = true;
				}
				List<String> cells = JsonLines.cells(object, JSON_PATHS);
				TableRows.requireNoNul(JSON_NAMES, row, cells);
				handle(new RowCells(row, cells), columns, sink);
			}
			if (row == 0) {
				throw new InvalidFileException(fileName + ": the file is empty");
			}
			return JSON_LABEL;
		}
		catch (IOException ex) {
			throw TableRows.damaged(fileName, row, ex);
		}
	}

	/** Why a line is not a JSON object. */
	private static String problem(String line) {
		try {
			IngestionJson.MAPPER.readTree(line);
		}
		catch (JacksonException ex) {
			return IngestionJson.describe(ex) + ": '" + abbreviated(line) + "'";
		}
		return "is not a JSON object: '" + abbreviated(line) + "'";
	}

	private static String abbreviated(String line) {
		return (line.length() > 60) ? line.substring(0, 57) + "..." : line;
	}

	private static @Nullable JsonNode object(String line) {
		try {
			JsonNode node = IngestionJson.MAPPER.readTree(line);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static void checkFields(String fileName, JsonNode object) {
		List<String> missing = GcpColumns.MANDATORY.stream()
			.map(spellings -> spellings.get(0))
			.filter(field -> !object.has(field))
			.toList();
		if (!missing.isEmpty()) {
			throw new InvalidFileException(fileName + ": not a Google Cloud billing export, or an incomplete one: the"
					+ " first row has no " + String.join(", ", missing) + " (mandatory: "
					+ String.join(", ", GcpColumns.MANDATORY.stream().map(spellings -> spellings.get(0)).toList())
					+ ")");
		}
	}

	private static void handle(RowCells get, GcpColumns columns, BillingRowSink sink) {
		BillingRow record = parse(get, columns);
		if (record != null) {
			sink.accept(record);
		}
		else {
			sink.reject(get.row(), get.errors(), billedCost(get, columns));
		}
	}

	private static @Nullable BillingRow parse(RowCells get, GcpColumns c) {
		Instant start = get.required(c.start, get.instant(c.start));
		Instant end = get.required(c.end, get.instant(c.end));
		if (start != null && end != null && end.isBefore(start)) {
			get.error(c.end, "ends before " + c.start.name());
		}
		BigDecimal cost = get.required(c.cost, get.money(c.cost));
		BigDecimal credits = credits(get, c.credits);
		BigDecimal amount = get.decimal(c.amount);
		BigDecimal pricingAmount = get.decimal(c.pricingAmount);
		String costType = get.text(c.costType);
		String sku = get.text(c.skuDescription);
		String category = GcpUsage.chargeCategory(costType, sku);
		if (category == null) {
			get.error(c.costType, "'" + costType + "' is not one of regular, tax, adjustment, rounding_error");
		}
		Map<String, String> labels = get.map(c.labels);
		Map<String, String> systemLabels = get.map(c.systemLabels);
		if (!get.ok() || start == null || end == null || cost == null || category == null) {
			return null;
		}
		GcpUsage.Converted usage = GcpUsage.convert(amount, get.text(c.unit), sku, systemLabels);
		BigDecimal billed = cost.add(credits);
		String region = get.text(c.region);
		String resource = get.text(c.resourceName);
		return new BillingRow(get.row(), category, null, start, end, billed, billed, get.text(c.currency),
				"Google Cloud", usage.category(), usage.subcategory(), get.text(c.service),
				(region != null) ? region : get.text(c.location), get.text(c.project),
				(resource != null) ? resource : get.text(c.resourceGlobalName), get.text(c.skuId), usage.quantity(),
				usage.unit(), pricingAmount, get.text(c.pricingUnit), usage.details(), labels, hints(usage, sku));
	}

	/**
	 * The machine type came from the machine_spec system label: the lineage says so; the
	 * SKU description names a storage SKU's location type ("Standard Storage US
	 * Multi-region").
	 */
	private static Map<String, String> hints(GcpUsage.Converted usage, @Nullable String sku) {
		Map<String, String> hints = new java.util.LinkedHashMap<>(2);
		String machine = usage.details().get("MachineType");
		if (machine != null) {
			hints.put("system_labels.compute.googleapis.com/machine_spec", machine);
		}
		if (sku != null) {
			hints.put("sku.description", sku);
		}
		return hints;
	}

	/**
	 * The sum of the credit amounts of a {@code credits} cell: a JSON list of objects
	 * with an {@code amount}; zero when empty.
	 */
	private static BigDecimal credits(RowCells get, Column column) {
		try {
			return credits(get.text(column));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			get.error(column, "is not a JSON list of credits with amounts");
			return BigDecimal.ZERO;
		}
	}

	private static BigDecimal credits(@Nullable String value) {
		if (value == null || value.equals("[]")) {
			return BigDecimal.ZERO;
		}
		JsonNode credits = IngestionJson.MAPPER.readTree(value);
		if (!credits.isArray()) {
			throw new IllegalArgumentException("not a list");
		}
		BigDecimal total = BigDecimal.ZERO;
		for (JsonNode credit : credits) {
			JsonNode amount = credit.get("amount");
			if (amount == null || !amount.isValueNode()) {
				throw new IllegalArgumentException("no amount");
			}
			BigDecimal each = amount.isNumber() ? amount.decimalValue() : CellValues.decimal(amount.asString());
			total = total.add((each != null) ? each : BigDecimal.ZERO);
		}
		return total;
	}

	/**
	 * The billed cost of a rejected row when its cost (and credits) can be read, so that
	 * rejected amounts still reconcile with the file.
	 */
	private static @Nullable BigDecimal billedCost(RowCells rejected, GcpColumns columns) {
		try {
			BigDecimal cost = CellValues.money(rejected.text(columns.cost));
			return (cost != null) ? cost.add(credits(rejected.text(columns.credits))) : null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

}
