package org.greenledger.ingestion.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a realistic FOCUS 1.1 CSV of N rows for benchmarks: hourly instance usage
 * (general purpose, compute and GPU instances) in AWS, Google Cloud and Azure regions,
 * storage in GB-months, data transfer, and a sprinkling of tax and credit rows;
 * reproducible for a given seed. Usage:
 * {@code FocusFileGenerator <rows> <file> [seed] [month, default 2024-03]}.
 */
public final class FocusFileGenerator {

	static final String HEADER = "BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargeCategory,"
			+ "ChargeClass,ChargeDescription,ChargePeriodStart,ChargePeriodEnd,ProviderName,PublisherName,"
			+ "InvoiceIssuerName,ServiceCategory,ServiceSubcategory,ServiceName,RegionId,RegionName,SubAccountId,"
			+ "ResourceId,SkuId,ConsumedQuantity,ConsumedUnit,PricingQuantity,PricingUnit,BilledCost,EffectiveCost,"
			+ "ListCost,SkuPriceDetails,Tags";

	private record Instance(String provider, String providerName, String type, double hourly) {
	}

	private static final List<Instance> INSTANCES = List.of(new Instance("aws", "AWS", "m5.xlarge", 0.192),
			new Instance("aws", "AWS", "c5.2xlarge", 0.34), new Instance("aws", "AWS", "r5.large", 0.126),
			new Instance("aws", "AWS", "p4d.24xlarge", 32.77), new Instance("aws", "AWS", "g5.xlarge", 1.006),
			new Instance("gcp", "Google Cloud", "n2-standard-8", 0.388),
			new Instance("gcp", "Google Cloud", "a2-highgpu-1g", 3.67),
			new Instance("azure", "Microsoft", "Standard_D4s_v3", 0.192));

	private static final List<String> AWS_REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1");

	private static final List<String> GCP_REGIONS = List.of("us-central1", "europe-west4", "asia-northeast1");

	private static final List<String> AZURE_REGIONS = List.of("eastus", "westeurope", "northeurope");

	private FocusFileGenerator() {
	}

	public static void main(String[] args) throws IOException {
		long rows = Long.parseLong(args[0]);
		Path file = Path.of(args[1]);
		long seed = (args.length > 2) ? Long.parseLong(args[2]) : 42;
		YearMonth month = (args.length > 3) ? YearMonth.parse(args[3]) : YearMonth.of(2024, 3);
		try (Writer out = new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
			write(rows, seed, month, out);
		}
		System.out.println("Wrote " + rows + " FOCUS rows to " + file + " (" + Files.size(file) + " bytes)");
	}

	static void write(long rows, long seed, Writer out) throws IOException {
		write(rows, seed, YearMonth.of(2024, 3), out);
	}

	static void write(long rows, long seed, YearMonth billingMonth, Writer out) throws IOException {
		SplittableRandom random = new SplittableRandom(seed);
		Instant month = billingMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		String period = month + "," + billingMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		int hoursInMonth = billingMonth.lengthOfMonth() * 24;
		out.write(HEADER);
		out.write('\n');
		StringBuilder line = new StringBuilder(512);
		for (long i = 0; i < rows; i++) {
			line.setLength(0);
			Instant start = month.plus(random.nextInt(hoursInMonth), ChronoUnit.HOURS);
			int pick = random.nextInt(100);
			Instance instance = INSTANCES.get(random.nextInt(INSTANCES.size()));
			String region = region(instance.provider(), random);
			String account = "acct-" + random.nextInt(40);
			String tags = "\"{\"\"team\"\":\"\"t" + random.nextInt(25) + "\"\",\"\"project\"\":\"\"p"
					+ random.nextInt(200) + "\"\"}\"";
			if (pick < 70) {
				double hours = 1;
				row(line, period, "Usage", start, instance.providerName(), "Compute", "Virtual Machines",
						instance.provider().toUpperCase(Locale.ROOT) + " Compute", region, account,
						"i-" + Long.toHexString(random.nextLong()), hours, "Hours", instance.hourly() * hours,
						"\"{\"\"InstanceType\"\":\"\"" + instance.type() + "\"\"}\"", tags);
			}
			else if (pick < 85) {
				double gbMonths = random.nextDouble() * 500 / 744;
				row(line, period, "Usage", start, instance.providerName(), "Storage", "Object Storage",
						"Object Storage", region, account, "bucket-" + random.nextInt(1000), gbMonths, "GB-Mo",
						gbMonths * 0.023, "", tags);
			}
			else if (pick < 97) {
				double gb = random.nextDouble() * 20;
				row(line, period, "Usage", start, instance.providerName(), "Networking", "Data Transfer",
						"Data Transfer", region, account, "", gb, "GB", gb * 0.02, "", tags);
			}
			else {
				row(line, period, (pick < 99) ? "Tax" : "Credit", start, instance.providerName(), "", "", "", "",
						account, "", 0, "", (pick < 99) ? 1.5 : -1.0, "", "");
			}
			out.append(line).append('\n');
		}
	}

	private static String region(String provider, SplittableRandom random) {
		List<String> regions = switch (provider) {
			case "aws" -> AWS_REGIONS;
			case "gcp" -> GCP_REGIONS;
			default -> AZURE_REGIONS;
		};
		return regions.get(random.nextInt(regions.size()));
	}

	private static void row(StringBuilder line, String period, String category, Instant start, String provider,
			String serviceCategory, String subcategory, String service, String region, String account, String resource,
			double quantity, String unit, double cost, String details, String tags) {
		String cents = String.format(Locale.ROOT, "%.6f", cost);
		line.append("billing-1,USD,")
			.append(period)
			.append(',')
			.append(category)
			.append(",,,")
			.append(start)
			.append(',')
			.append(start.plus(1, ChronoUnit.HOURS))
			.append(',')
			.append(provider)
			.append(',')
			.append(provider)
			.append(',')
			.append(provider)
			.append(',')
			.append(serviceCategory)
			.append(',')
			.append(subcategory)
			.append(',')
			.append(service)
			.append(',')
			.append(region)
			.append(',')
			.append(region)
			.append(',')
			.append(account)
			.append(',')
			.append(resource)
			.append(",sku,")
			.append(unit.isEmpty() ? "" : String.format(Locale.ROOT, "%.6f", quantity))
			.append(',')
			.append(unit)
			.append(',')
			.append(unit.isEmpty() ? "" : String.format(Locale.ROOT, "%.6f", quantity))
			.append(',')
			.append(unit)
			.append(',')
			.append(cents)
			.append(',')
			.append(cents)
			.append(',')
			.append(cents)
			.append(',')
			.append(details)
			.append(',')
			.append(tags);
	}

}
