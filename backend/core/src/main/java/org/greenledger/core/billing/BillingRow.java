package org.greenledger.core.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One row of a bill, in GreenLedger's own terms, whatever the export it came from: every
 * billing reader (FOCUS, AWS CUR, Google Cloud, Azure) maps its columns onto this record,
 * and {@link BillingMapper} turns it into activity lines. The names of the fields follow
 * the FinOps vocabulary (charge category, billed and effective cost, consumed and pricing
 * quantity), which every provider's export can be mapped onto; which column of each
 * export fills which field is in docs/formats/. Values are as exported (no unit
 * conversion yet).
 *
 * @param row 1-based data row number in the file
 * @param chargeCategory Usage, Purchase, Tax, Credit or Adjustment
 * @param chargeClass Correction, or null
 * @param chargePeriodStart start of the charge period
 * @param chargePeriodEnd end of the charge period (exclusive)
 * @param billedCost cost as invoiced
 * @param effectiveCost amortized cost, when exported
 * @param currency billing currency, when exported
 * @param provider provider name as exported (aws, gcp, azure are normalized by the
 * readers)
 * @param serviceCategory e.g. Compute, Storage, Networking, AI and Machine Learning
 * @param serviceSubcategory e.g. Virtual Machines
 * @param serviceName e.g. Amazon Elastic Compute Cloud
 * @param regionId provider region code
 * @param subAccountId account, project or subscription
 * @param resourceId the resource
 * @param skuId the SKU
 * @param consumedQuantity usage quantity, when a usage row
 * @param consumedUnit its unit
 * @param pricingQuantity priced quantity
 * @param pricingUnit its unit
 * @param skuPriceDetails SKU properties by name (e.g. InstanceType, CoreCount)
 * @param tags tags and labels
 * @param hints the row's descriptive cells that can name what was used when no column
 * does, by the column (or cell key) they were read from: for example
 * {@code ChargeDescription} ("$0.34 per On Demand Linux c5.2xlarge Instance Hour"),
 * {@code x_UsageType} ("USE1-BoxUsage:c5.2xlarge"), {@code product/instanceType},
 * {@code AdditionalInfo.ServiceType}, {@code MeterName}
 */
public record BillingRow(long row, String chargeCategory, @Nullable String chargeClass, Instant chargePeriodStart,
		Instant chargePeriodEnd, BigDecimal billedCost, @Nullable BigDecimal effectiveCost, @Nullable String currency,
		@Nullable String provider, @Nullable String serviceCategory, @Nullable String serviceSubcategory,
		@Nullable String serviceName, @Nullable String regionId, @Nullable String subAccountId,
		@Nullable String resourceId, @Nullable String skuId, @Nullable BigDecimal consumedQuantity,
		@Nullable String consumedUnit, @Nullable BigDecimal pricingQuantity, @Nullable String pricingUnit,
		Map<String, String> skuPriceDetails, Map<String, String> tags, Map<String, String> hints) {

	/** A row without descriptive hints. */
	public BillingRow(long row, String chargeCategory, @Nullable String chargeClass, Instant chargePeriodStart,
			Instant chargePeriodEnd, BigDecimal billedCost, @Nullable BigDecimal effectiveCost,
			@Nullable String currency, @Nullable String provider, @Nullable String serviceCategory,
			@Nullable String serviceSubcategory, @Nullable String serviceName, @Nullable String regionId,
			@Nullable String subAccountId, @Nullable String resourceId, @Nullable String skuId,
			@Nullable BigDecimal consumedQuantity, @Nullable String consumedUnit, @Nullable BigDecimal pricingQuantity,
			@Nullable String pricingUnit, Map<String, String> skuPriceDetails, Map<String, String> tags) {
		this(row, chargeCategory, chargeClass, chargePeriodStart, chargePeriodEnd, billedCost, effectiveCost, currency,
				provider, serviceCategory, serviceSubcategory, serviceName, regionId, subAccountId, resourceId, skuId,
				consumedQuantity, consumedUnit, pricingQuantity, pricingUnit, skuPriceDetails, tags, Map.of());
	}

}
