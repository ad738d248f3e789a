package org.greenledger.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The demo's cloud usage written as the providers write it: AWS Cost and Usage Report
 * (legacy CSV), Azure cost details (Enterprise Agreement CSV), FinOps FOCUS 1.0 (as Azure
 * exports it) and the Google Cloud billing export (CSV). The columns follow the real
 * exports in the test corpus ({@code corpus/billing}, {@code fixtures/aws-cur},
 * {@code fixtures/azure}, {@code fixtures/gcp}).
 */
final class BillFiles {

	private static final String CUR_HEADER = "identity/LineItemId,identity/TimeInterval,bill/BillType,"
			+ "bill/PayerAccountId,bill/BillingPeriodStartDate,lineItem/UsageAccountId,lineItem/LineItemType,"
			+ "lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/ProductCode,lineItem/UsageType,"
			+ "lineItem/Operation,lineItem/ResourceId,lineItem/UsageAmount,lineItem/CurrencyCode,"
			+ "lineItem/UnblendedRate,lineItem/UnblendedCost,lineItem/BlendedCost,lineItem/LineItemDescription,"
			+ "product/ProductName,product/instanceType,product/location,product/region,product/regionCode,"
			+ "product/productFamily,pricing/unit,resourceTags/user:team,resourceTags/user:workload";

	private static final String AZURE_HEADER = "DepartmentName,AccountName,SubscriptionGuid,SubscriptionName,"
			+ "ResourceGroup,ResourceLocation,Date,ProductName,MeterCategory,MeterSubCategory,MeterName,MeterRegion,"
			+ "UnitOfMeasure,Quantity,EffectivePrice,Cost,ConsumedService,InstanceId,Tags,AdditionalInfo,"
			+ "ResourceName,ChargeType,PricingModel,BillingCurrencyCode,BillingPeriodStartDate,BillingPeriodEndDate";

	private static final String FOCUS_HEADER = "BilledCost,BillingAccountId,BillingCurrency,BillingPeriodStart,"
			+ "BillingPeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ChargePeriodStart,ChargePeriodEnd,"
			+ "ConsumedQuantity,ConsumedUnit,EffectiveCost,ProviderName,RegionId,ResourceId,ServiceCategory,"
			+ "ServiceName,SubAccountId,SubAccountName,Tags,x_SkuDetails,x_SkuMeterCategory";

	private static final String GCP_HEADER = "billing_account_id,service.id,service.description,sku.id,"
			+ "sku.description,usage_start_time,usage_end_time,project.id,project.name,labels,system_labels,"
			+ "location.location,location.region,cost,currency,usage.amount,usage.unit,usage.amount_in_pricing_units,"
			+ "usage.pricing_unit,invoice.month,cost_type,resource.name";

	private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);

	private BillFiles() {
	}

	static byte[] awsCur(List<CloudUsage.Day> days) {
		CsvText csv = new CsvText(CUR_HEADER);
		int id = 0;
		for (CloudUsage.Day day : days) {
			CloudUsage.Fleet fleet = day.fleet();
			String start = day.day() + "T00:00:00Z";
			String end = day.day().plusDays(1) + "T00:00:00Z";
			String prefix = fleet.region().startsWith("eu-") ? "EU-" : "";
			csv.row("demo-li-" + (++id), start + "/" + end, "Anniversary", DemoOrganisation.AWS_PAYER,
					day.day().withDayOfMonth(1) + "T00:00:00Z", DemoOrganisation.AWS_ACCOUNT, "Usage", start, end,
					"AmazonEC2", prefix + "BoxUsage:" + fleet.instanceType(), "RunInstances",
					"i-demo" + fleet.instanceType().replace(".", ""), day.hours(), "USD", fleet.ratePerHour(),
					day.cost(), day.cost(),
					"$" + fleet.ratePerHour() + " per On Demand Linux " + fleet.instanceType() + " Instance Hour",
					"Amazon Elastic Compute Cloud", fleet.instanceType(), location(fleet.region()), fleet.region(),
					fleet.region(), "Compute Instance", "Hrs", fleet.team(),
					(fleet.workload() != null) ? fleet.workload() : "");
		}
		return csv.bytes();
	}

	static byte[] azureEa(List<CloudUsage.Day> days) {
		CsvText csv = new CsvText(AZURE_HEADER);
		for (CloudUsage.Day day : days) {
			CloudUsage.Fleet fleet = day.fleet();
			String size = fleet.instanceType().substring("Standard_".length()).replace('_', ' ');
			String tags = "\"team\": \"" + fleet.team() + "\""
					+ ((fleet.workload() != null) ? ",\"workload\": \"" + fleet.workload() + "\"" : "");
			csv.row("Demo Engineering", "Demo Platform", DemoOrganisation.AZURE_SUBSCRIPTION,
					"Demo Northwind Production", "RG-DEMO-" + fleet.team().toUpperCase(Locale.ROOT), "West Europe",
					US_DATE.format(day.day()), "Virtual Machines - " + size + " - EU West", "Virtual Machines",
					size + " Series", size, "EU West", "1 Hour", day.hours(), fleet.ratePerHour(), day.cost(),
					"Microsoft.Compute",
					"/subscriptions/" + DemoOrganisation.AZURE_SUBSCRIPTION + "/resourceGroups/RG-DEMO/providers/"
							+ "Microsoft.Compute/virtualMachines/demo-" + fleet.team(),
					tags, "{\"ServiceType\":\"" + fleet.instanceType() + "\"}", "demo-" + fleet.team(), "Usage",
					"OnDemand", "USD", US_DATE.format(day.day().withDayOfMonth(1)),
					US_DATE.format(day.day().withDayOfMonth(day.day().lengthOfMonth())));
		}
		return csv.bytes();
	}

	static byte[] focus(List<CloudUsage.Day> days) {
		CsvText csv = new CsvText(FOCUS_HEADER);
		for (CloudUsage.Day day : days) {
			CloudUsage.Fleet fleet = day.fleet();
			LocalDate month = day.day().withDayOfMonth(1);
			String tags = "{\"team\":\"" + fleet.team() + "\""
					+ ((fleet.workload() != null) ? ",\"workload\":\"" + fleet.workload() + "\"" : "") + "}";
			csv.row(day.cost(), "demo-billing-account", "USD", month + "T00:00:00Z", month.plusMonths(1) + "T00:00:00Z",
					"Usage", "", fleet.instanceType() + " virtual machine hours", day.day() + "T00:00:00Z",
					day.day().plusDays(1) + "T00:00:00Z", day.hours(), "Hours", day.cost(), "Microsoft", fleet.region(),
					"/subscriptions/" + DemoOrganisation.AZURE_SUBSCRIPTION + "/demo-" + fleet.team(), "Compute",
					"Virtual Machines", DemoOrganisation.AZURE_SUBSCRIPTION, "Demo Northwind Production", tags,
					"{\"ServiceType\":\"" + fleet.instanceType() + "\"}", "Virtual Machines");
		}
		return csv.bytes();
	}

	static byte[] gcp(List<CloudUsage.Day> days) {
		CsvText csv = new CsvText(GCP_HEADER);
		for (CloudUsage.Day day : days) {
			CloudUsage.Fleet fleet = day.fleet();
			String labels = "[{\"key\":\"team\",\"value\":\"" + fleet.team() + "\"}" + ((fleet.workload() != null)
					? ",{\"key\":\"workload\",\"value\":\"" + fleet.workload() + "\"}" : "") + "]";
			String system = "[{\"key\":\"compute.googleapis.com/machine_spec\",\"value\":\"" + fleet.instanceType()
					+ "\"}]";
			csv.row(DemoOrganisation.GCP_BILLING_ACCOUNT, "6F81-5844-456A", "Compute Engine",
					"DEMO-SKU-" + fleet.team(), fleet.instanceType() + " instance running", day.day() + " 00:00:00 UTC",
					day.day().plusDays(1) + " 00:00:00 UTC", DemoOrganisation.GCP_PROJECT, DemoOrganisation.GCP_PROJECT,
					labels, system, fleet.region(), fleet.region(), day.cost(), "USD", Math.round(day.hours() * 3600),
					"seconds", day.hours(), "hour",
					day.day().getYear() + String.format(Locale.ROOT, "%02d", day.day().getMonthValue()), "regular",
					"demo-" + fleet.team());
		}
		return csv.bytes();
	}

	private static String location(String region) {
		return switch (region) {
			case "us-east-1" -> "US East (N. Virginia)";
			case "eu-west-1" -> "EU (Ireland)";
			default -> region;
		};
	}

}
