package org.greenledger.providercarbon.azure;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.greenledger.core.table.InvalidFileException;
import org.greenledger.ingestion.DelegatedFile;
import org.greenledger.providercarbon.Basis;
import org.greenledger.providercarbon.Figure;
import org.greenledger.providercarbon.JsonValues;
import org.greenledger.providercarbon.Provider;
import org.greenledger.providercarbon.ProviderReader;
import org.greenledger.providercarbon.ProviderRecord;
import org.greenledger.providercarbon.RowCheck;

import org.springframework.stereotype.Component;

/**
 * Azure carbon optimization reports ({@code Microsoft.Carbon}
 * {@code carbonEmissionReports}, kg CO2e), as request and response together in
 * Microsoft's example layout ({@code parameters.queryParameters},
 * {@code responses.200.body}), one capture or an array of them: the request says which
 * scopes a figure sums ({@code carbonScopeList}) and, for item details, the month
 * ({@code dateRange}). Monthly summaries and item details are read
 * ({@code latestMonthEmissions} only; {@code previousMonthEmissions} is the month before
 * and never added). A figure of one scope is that scope's single figure; a figure of
 * several scopes is stored as their sum ({@code 1+2+3}).
 */
@Component
class CarbonReportReader implements ProviderReader {

	static final String FORMAT = "Azure carbon optimization report";

	@Override
	public List<String> formats() {
		return List.of(FORMAT);
	}

	@Override
	public Optional<String> recognise(String start) {
		boolean json = start.startsWith("{") || start.startsWith("[");
		boolean carbon = start.contains("CarbonService_QueryCarbonEmissionReports")
				|| start.contains("\"carbonScopeList\"") || start.contains("\"latestMonthEmissions\"");
		return (json && carbon) ? Optional.of(FORMAT) : Optional.empty();
	}

	@Override
	public long read(DelegatedFile file, Consumer<ProviderRecord> records) {
		JsonNode document = JsonValues.document(file);
		List<JsonNode> captures = new ArrayList<>();
		if (document.isArray()) {
			document.forEach(captures::add);
		}
		else {
			captures.add(document);
		}
		long row = 0;
		for (int i = 0; i < captures.size(); i++) {
			JsonNode capture = captures.get(i);
			String where = document.isArray() ? "[" + i + "]" : "";
			JsonNode query = capture.path("parameters").path("queryParameters");
			JsonNode body = capture.path("responses").path("200").path("body");
			if (!query.isObject() || !body.path("value").isArray()) {
				throw new InvalidFileException(file.fileName() + ": capture " + where
						+ " lacks parameters.queryParameters or responses.200.body.value; send the request and its"
						+ " response together, as in Microsoft's examples (the response alone does not say which"
						+ " scopes its figures sum)");
			}
			Request request = Request.of(file.fileName() + where, query);
			for (JsonNode item : body.path("value")) {
				row++;
				ProviderRecord record = record(new RowCheck(file, row), request, item);
				if (record != null) {
					records.accept(record);
				}
			}
		}
		return row;
	}

	private static @Nullable ProviderRecord record(RowCheck check, Request request, JsonNode item) {
		BigDecimal kg = check.amount("latestMonthEmissions", JsonValues.text(item.get("latestMonthEmissions")));
		if (JsonValues.text(item.get("latestMonthEmissions")) == null) {
			check.reject("latestMonthEmissions", "the value is missing");
		}
		YearMonth month = request.monthly() ? check.month("date", JsonValues.text(item.get("date"))) : request.month();
		String category = text(item, "categoryType");
		String itemName = text(item, "itemName");
		String account = text(item, "subscriptionId");
		if (account == null) {
			account = "Subscription".equalsIgnoreCase(category) ? itemName : request.subscriptions();
		}
		String service = text(item, "resourceType");
		if (service == null && "ResourceType".equalsIgnoreCase(category)) {
			service = itemName;
		}
		String region = text(item, "location");
		if (region == null && "Location".equalsIgnoreCase(category)) {
			region = itemName;
		}
		if (!check.ok() || kg == null || month == null) {
			return null;
		}
		return new ProviderRecord(check.row(), Provider.AZURE, null, account,
				(service != null) ? service.toLowerCase(Locale.ROOT) : null,
				(region != null) ? region.toLowerCase(Locale.ROOT) : null, month, null, false,
				List.of(new Figure(request.scopes(), Basis.SINGLE, kg)));
	}

	private static @Nullable String text(JsonNode item, String field) {
		return RowCheck.text(JsonValues.text(item.get(field)));
	}

	/**
	 * What a capture's request asked for.
	 *
	 * @param monthly whether each item carries its month ({@code date})
	 * @param month the month of an item details report
	 * @param scopes the scopes its figures sum, {@code 1}, {@code 1+3}, ...
	 * @param subscriptions the subscriptions queried, comma-separated
	 */
	private record Request(boolean monthly, @Nullable YearMonth month, String scopes, String subscriptions) {

		static Request of(String where, JsonNode query) {
			String type = String.valueOf(JsonValues.text(query.get("reportType")));
			boolean monthly = type.equals("MonthlySummaryReport");
			if (!monthly && !type.equals("ItemDetailsReport")) {
				throw new InvalidFileException(where + ": the report type " + type + " is not read; export"
						+ " MonthlySummaryReport or ItemDetailsReport");
			}
			TreeSet<String> scopes = new TreeSet<>();
			for (JsonNode scope : query.path("carbonScopeList")) {
				String name = String.valueOf(JsonValues.text(scope));
				if (!name.matches("Scope[123]")) {
					throw new InvalidFileException(
							where + ": carbonScopeList holds '" + name + "'; only Scope1, Scope2 and Scope3 exist");
				}
				scopes.add(name.substring(5));
			}
			if (scopes.isEmpty()) {
				throw new InvalidFileException(where + ": the request's carbonScopeList is missing or empty");
			}
			List<String> subscriptions = new ArrayList<>();
			query.path("subscriptionList").forEach(id -> subscriptions.add(String.valueOf(JsonValues.text(id))));
			YearMonth month = null;
			if (!monthly) {
				String start = String.valueOf(JsonValues.text(query.path("dateRange").get("start")));
				String end = String.valueOf(JsonValues.text(query.path("dateRange").get("end")));
				if (!start.equals(end) || !start.matches("\\d{4}-\\d{2}-01")) {
					throw new InvalidFileException(where + ": an item details report covers one month (dateRange"
							+ " start = end, the first of a month), but it asks for " + start + " to " + end);
				}
				month = YearMonth.parse(start.substring(0, 7));
			}
			return new Request(monthly, month, String.join("+", scopes), String.join(",", subscriptions));
		}

	}

}
