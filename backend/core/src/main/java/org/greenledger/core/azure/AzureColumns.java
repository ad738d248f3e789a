package org.greenledger.core.azure;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.greenledger.core.table.Column;
import org.greenledger.core.table.Columns;
import org.greenledger.core.table.InvalidFileException;

/**
 * The header of an Azure cost details export (formerly usage details), checked before any
 * row is read. Names are compared without regard to case (newer exports write
 * {@code costInBillingCurrency}, older ones {@code CostInBillingCurrency}); the names
 * Enterprise Agreement and Microsoft Customer Agreement exports use for the same column
 * are accepted ({@code Cost} / {@code CostInBillingCurrency}, {@code SubscriptionGuid} /
 * {@code SubscriptionId}, {@code InstanceId} / {@code ResourceId},
 * {@code BillingCurrencyCode} / {@code BillingCurrency}). Headers of a download in
 * another language are read by the English name Microsoft writes after the localized one
 * ("Kategorie der Verbrauchseinheit (MeterCategory)", "Maßeinheit (UnitOfMeasure)"), so
 * every localized header set is read like the English one. Unknown extra columns are
 * ignored.
 */
final class AzureColumns {

	static final List<String> DATE = List.of("Date", "UsageDate", "UsageDateTime");

	static final List<String> COST = List.of("CostInBillingCurrency", "Cost", "PreTaxCost");

	static final List<String> QUANTITY = List.of("Quantity", "UsageQuantity", "ConsumedQuantity");

	static final List<List<String>> MANDATORY = List.of(DATE, COST, QUANTITY, List.of("UnitOfMeasure"),
			List.of("MeterCategory"));

	final Column date;

	final Column cost;

	final Column quantity;

	final Column unitOfMeasure;

	final Column meterCategory;

	final Column meterSubCategory;

	final Column meterName;

	final Column meterId;

	final Column meterRegion;

	final Column resourceLocation;

	final Column currency;

	final Column chargeType;

	final Column pricingModel;

	final Column serviceFamily;

	final Column subscription;

	final Column resourceId;

	final Column additionalInfo;

	final Column tags;

	/** Enterprise Agreement (or pay-as-you-go) layout rather than MCA. */
	final boolean enterpriseAgreement;

	private AzureColumns(Columns columns) {
		this.date = find(columns, DATE);
		this.cost = find(columns, COST);
		this.quantity = find(columns, QUANTITY);
		this.unitOfMeasure = columns.find("UnitOfMeasure");
		this.meterCategory = columns.find("MeterCategory");
		this.meterSubCategory = columns.find("MeterSubCategory");
		this.meterName = columns.find("MeterName");
		this.meterId = columns.find("MeterId");
		this.meterRegion = columns.find("MeterRegion");
		this.resourceLocation = columns.find("ResourceLocation", "Location");
		this.currency = columns.find("BillingCurrency", "BillingCurrencyCode", "Currency");
		this.chargeType = columns.find("ChargeType");
		this.pricingModel = columns.find("PricingModel");
		this.serviceFamily = columns.find("ServiceFamily");
		this.subscription = columns.find("SubscriptionId", "SubscriptionGuid");
		this.resourceId = columns.find("ResourceId", "InstanceId", "InstanceName");
		this.additionalInfo = columns.find("AdditionalInfo");
		this.tags = columns.find("Tags");
		this.enterpriseAgreement = columns.has("AccountOwnerId") || columns.has("AccountName")
				|| columns.has("SubscriptionGuid") || columns.has("DepartmentName")
				|| (columns.has("Cost") && !columns.has("CostInBillingCurrency"));
	}

	/** A localized header's English name in parentheses at its end. */
	private static final Pattern LOCALIZED = Pattern.compile("^.*\\S.*\\(\\s*([A-Za-z][A-Za-z0-9]*)\\s*\\)\\s*$");

	/**
	 * The name a header is matched by: the English name of a localized header, otherwise
	 * the header itself, without regard to case, blanks or a byte-order mark.
	 */
	static String canonical(String name) {
		String plain = Columns.normalize(name);
		Matcher matcher = LOCALIZED.matcher(plain);
		return matcher.matches() ? matcher.group(1) : plain;
	}

	private static Columns columns(List<String> header) {
		return Columns.of(header, AzureColumns::canonical);
	}

	static AzureColumns of(String fileName, List<String> header) {
		Columns columns = columns(header);
		List<String> missing = columns.missing(MANDATORY);
		if (!missing.isEmpty()) {
			throw new InvalidFileException(fileName + ": not an Azure cost details export, or an incomplete one: "
					+ Columns.describeMissing(missing));
		}
		return new AzureColumns(columns);
	}

	/** Whether a header looks like an Azure cost details export. */
	static boolean recognises(List<String> header) {
		Columns columns = columns(header);
		return columns.has("MeterCategory") || columns.has("CostInBillingCurrency") || columns.has("MeterName")
				|| columns.has("MeterSubCategory") || columns.has("SubscriptionGuid");
	}

	private static Column find(Columns columns, List<String> spellings) {
		return columns.find(spellings.toArray(String[]::new));
	}

}
