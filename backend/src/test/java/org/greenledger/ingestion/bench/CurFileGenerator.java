package org.greenledger.ingestion.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a realistic AWS Cost and Usage Report CSV of N rows for benchmarks, legacy
 * ({@code lineItem/...} columns, tags as {@code resourceTags/user:...} columns) or CUR
 * 2.0 (snake case, {@code product} and {@code resource_tags} as JSON map cells): hourly
 * EC2 instance usage (general purpose, compute and GPU types; on demand and Savings Plans
 * covered, with their negation) in four regions, EBS and S3 storage in GB-months, data
 * transfer, and a sprinkling of tax, credit and discount rows; reproducible for a given
 * seed. Usage: {@code CurFileGenerator <rows> <file> [seed] [legacy|cur2]}.
 */
public final class CurFileGenerator {

	static final String LEGACY_HEADER = "identity/LineItemId,bill/PayerAccountId,lineItem/UsageAccountId,"
			+ "lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/ProductCode,"
			+ "lineItem/UsageType,lineItem/Operation,lineItem/ResourceId,lineItem/UsageAmount,lineItem/CurrencyCode,"
			+ "lineItem/UnblendedRate,lineItem/UnblendedCost,lineItem/LineItemDescription,product/ProductName,"
			+ "product/instanceType,product/location,product/regionCode,product/productFamily,product/volumeApiName,"
			+ "pricing/unit,savingsPlan/SavingsPlanEffectiveCost,resourceTags/user:team,resourceTags/user:project";

	static final String CUR2_HEADER = "identity_line_item_id,bill_payer_account_id,line_item_usage_account_id,"
			+ "line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_product_code,"
			+ "line_item_usage_type,line_item_operation,line_item_resource_id,line_item_usage_amount,"
			+ "line_item_currency_code,line_item_unblended_rate,line_item_unblended_cost,"
			+ "line_item_line_item_description,product,product_instance_type,product_region_code,"
			+ "product_product_family,pricing_unit,savings_plan_savings_plan_effective_cost,resource_tags";

	private record Instance(String type, double hourly) {
	}

	private record Region(String code, String name, String prefix) {
	}

	private static final List<Instance> INSTANCES = List.of(new Instance("m5.xlarge", 0.192),
			new Instance("c5.2xlarge", 0.34), new Instance("r5.large", 0.126), new Instance("m6i.large", 0.096),
			new Instance("t3.micro", 0.0104), new Instance("g5.xlarge", 1.006), new Instance("p4d.24xlarge", 32.7726));

	private static final List<Region> REGIONS = List.of(new Region("us-east-1", "US East (N. Virginia)", "USE1-"),
			new Region("us-west-2", "US West (Oregon)", "USW2-"), new Region("eu-west-1", "Europe (Ireland)", "EUW1-"),
			new Region("eu-central-1", "Europe (Frankfurt)", "EUC1-"));

	private CurFileGenerator() {
	}

	public static void main(String[] args) throws IOException {
		long rows = Long.parseLong(args[0]);
		Path file = Path.of(args[1]);
		long seed = (args.length > 2) ? Long.parseLong(args[2]) : 42;
		boolean cur2 = args.length > 3 && args[3].equalsIgnoreCase("cur2");
		try (Writer out = new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
			write(rows, seed, cur2, out);
		}
		System.out.println("Wrote " + rows + (cur2 ? " CUR 2.0" : " legacy CUR") + " rows to " + file + " ("
				+ Files.size(file) + " bytes)");
	}

	static void write(long rows, long seed, boolean cur2, Writer out) throws IOException {
		SplittableRandom random = new SplittableRandom(seed);
		Instant month = Instant.parse("2024-03-01T00:00:00Z");
		out.write(cur2 ? CUR2_HEADER : LEGACY_HEADER);
		out.write('\n');
		Line line = new Line(new StringBuilder(640), cur2);
		for (long i = 0; i < rows; i++) {
			Instant start = month.plus(random.nextInt(31 * 24), ChronoUnit.HOURS);
			Region region = REGIONS.get(random.nextInt(REGIONS.size()));
			Instance instance = INSTANCES.get(random.nextInt(INSTANCES.size()));
			String tags = "t" + random.nextInt(25) + "|p" + random.nextInt(200);
			String id = Long.toHexString(random.nextLong());
			int pick = random.nextInt(100);
			line.start(id, "4444" + (10_000_000 + random.nextInt(40)));
			if (pick < 55 || (pick >= 60 && pick < 65)) {
				boolean covered = pick >= 60;
				line.item(covered ? "SavingsPlanCoveredUsage" : "Usage", start, start.plus(1, ChronoUnit.HOURS),
						"AmazonEC2", region.prefix() + "BoxUsage:" + instance.type(), "RunInstances", "i-" + id, 1,
						instance.hourly(), "Linux " + instance.type() + " Instance Hour")
					.product("Amazon Elastic Compute Cloud", instance.type(), region, "Compute Instance", "", "Hrs")
					.finish(covered ? String.format(Locale.ROOT, "%.6f", instance.hourly() * 0.66) : "", tags);
			}
			else if (pick < 60) {
				line.item("SavingsPlanNegation", start, start.plus(1, ChronoUnit.HOURS), "AmazonEC2",
						region.prefix() + "BoxUsage:" + instance.type(), "RunInstances", "i-" + id, 1,
						-instance.hourly(), "SavingsPlanNegation")
					.product("Amazon Elastic Compute Cloud", instance.type(), region, "Compute Instance", "", "Hrs")
					.finish("0", tags);
			}
			else if (pick < 77) {
				boolean hdd = random.nextInt(4) == 0;
				double gbMonths = random.nextDouble() * 500 / 744;
				line.item("Usage", start, start.plus(1, ChronoUnit.HOURS), "AmazonEC2",
						region.prefix() + "EBS:VolumeUsage." + (hdd ? "st1" : "gp3"), "CreateVolume", "vol-" + id,
						gbMonths, hdd ? 0.045 : 0.08, "EBS provisioned storage")
					.product("Amazon Elastic Compute Cloud", "", region, "Storage", hdd ? "st1" : "gp3", "GB-Mo")
					.finish("", tags);
			}
			else if (pick < 85) {
				double gbMonths = random.nextDouble() * 2000 / 744;
				line.item("Usage", start, start.plus(1, ChronoUnit.HOURS), "AmazonS3",
						region.prefix() + "TimedStorage-ByteHrs", "StandardStorage", "bucket-" + random.nextInt(1000),
						gbMonths, 0.023, "S3 storage used")
					.product("Amazon Simple Storage Service", "", region, "Storage", "", "GB-Mo")
					.finish("", tags);
			}
			else if (pick < 97) {
				double gb = random.nextDouble() * 20;
				line.item("Usage", start, start.plus(1, ChronoUnit.HOURS), "AmazonEC2",
						region.prefix() + "DataTransfer-Out-Bytes", "RunInstances", "i-" + id, gb, 0.09,
						"data transfer out")
					.product("Amazon Elastic Compute Cloud", "", region, "Data Transfer", "", "GB")
					.finish("", tags);
			}
			else {
				String type = (pick < 98) ? "Tax" : (pick < 99) ? "Credit" : "EdpDiscount";
				double cost = (pick < 98) ? 1.5 : -1.0;
				line.item(type, month, month.plus(31, ChronoUnit.DAYS), "AmazonEC2", "", "", "", 0, cost, type)
					.product("", "", null, "", "", "")
					.finish("", "");
			}
			out.append(line.text()).append('\n');
		}
	}

	/** One CSV line in either layout, written in column order. */
	private record Line(StringBuilder text, boolean cur2) {

		void start(String id, String account) {
			this.text.setLength(0);
			this.text.append(id).append(",111122223333,").append(account).append(',');
		}

		Line item(String type, Instant start, Instant end, String productCode, String usageType, String operation,
				String resource, double amount, double rate, String description) {
			String cost = String.format(Locale.ROOT, "%.10f", amount * rate);
			if (amount == 0) {
				cost = String.format(Locale.ROOT, "%.10f", rate);
			}
			this.text.append(type)
				.append(',')
				.append(start)
				.append(',')
				.append(end)
				.append(',')
				.append(productCode)
				.append(',')
				.append(usageType)
				.append(',')
				.append(operation)
				.append(',')
				.append(resource)
				.append(',')
				.append((amount == 0) ? "" : String.format(Locale.ROOT, "%.8f", amount))
				.append(",USD,")
				.append((amount == 0) ? "" : String.format(Locale.ROOT, "%.4f", rate))
				.append(',')
				.append(cost)
				.append(',')
				.append(description)
				.append(',');
			return this;
		}

		Line product(String productName, String instanceType, Region region, String family, String volumeApiName,
				String unit) {
			String code = (region != null) ? region.code() : "";
			if (this.cur2) {
				this.text.append("\"{\"\"product_name\"\":\"\"")
					.append(productName)
					.append("\"\",\"\"region\"\":\"\"")
					.append(code)
					.append(volumeApiName.isEmpty() ? "" : "\"\",\"\"volume_api_name\"\":\"\"" + volumeApiName)
					.append("\"\"}\",")
					.append(instanceType)
					.append(',')
					.append(code);
			}
			else {
				this.text.append(productName)
					.append(',')
					.append(instanceType)
					.append(',')
					.append((region != null) ? "\"" + region.name() + "\"" : "")
					.append(',')
					.append(code);
			}
			this.text.append(',').append(family).append(',');
			if (!this.cur2) {
				this.text.append(volumeApiName).append(',');
			}
			this.text.append(unit).append(',');
			return this;
		}

		void finish(String savingsPlanEffectiveCost, String tags) {
			this.text.append(savingsPlanEffectiveCost).append(',');
			if (tags.isEmpty()) {
				this.text.append(this.cur2 ? "{}" : ",");
				return;
			}
			String team = tags.substring(0, tags.indexOf('|'));
			String project = tags.substring(tags.indexOf('|') + 1);
			if (this.cur2) {
				this.text.append("\"{\"\"user_team\"\":\"\"")
					.append(team)
					.append("\"\",\"\"user_project\"\":\"\"")
					.append(project)
					.append("\"\"}\"");
			}
			else {
				this.text.append(team).append(',').append(project);
			}
		}

	}

}
