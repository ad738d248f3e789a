package org.greenledger.system.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;

import org.greenledger.MeasuredUploads;

/**
 * One of each portal detail page's subject, made through the API (unique per run): an
 * upload with a rejected row, a site, an AI workload, a report, a supplier with a
 * disclosure and an evaluation.
 */
final class PortalSamples {

	private PortalSamples() {
	}

	/** Makes the samples and returns the paths of their pages. */
	static List<String> create(MeasuredUploads api) {
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		LocalDate month = LocalDate.of(2025, ThreadLocalRandom.current().nextInt(1, 13), 1);
		String job = api
			.upload("sample-" + nonce + ".csv", focus(month, nonce).getBytes(StandardCharsets.UTF_8), Map.of())
			.read("$.id", String.class);
		String site = "S" + nonce.toUpperCase(java.util.Locale.ROOT);
		api.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Sample hall %s", "kind": "OWN", "gridZone": "DE", "country": "DE"}"""
			.formatted(site, nonce));
		String readings = """
				meter,site,role,start,end,quantity,unit
				F1,%1$s,facility total,%2$sT00:00:00Z,%2$sT01:00:00Z,150,kWh
				IT1,%1$s,IT load,%2$sT00:00:00Z,%2$sT01:00:00Z,100,kWh
				""".formatted(site, month.plusDays(3));
		api.upload("sample-meters-" + nonce + ".csv", readings.getBytes(StandardCharsets.UTF_8), Map.of());
		String workload = api.postJson("/api/v1/workloads", """
				{"name": "assistant-%s", "kind": "SERVICE", "model": "llama-3-70b"}""".formatted(nonce))
			.read("$.id", String.class);
		api.postJson("/api/v1/workloads/" + workload + "/rules", """
				{"phase": "INFERENCE", "source": "CLOUD_TAG", "match": {"workload": "assistant-%s"}}"""
			.formatted(nonce));
		String report = api
			.postJson("/api/v1/reports",
					"""
							{"type": "GHG_INVENTORY", "from": "%s", "to": "%s"}""".formatted(month,
							month.plusMonths(1).minusDays(1)))
			.read("$.id", String.class);
		String supplier = api
			.postJson("/api/v1/procurement/suppliers",
					"""
							{"name": "Sample cloud %s", "type": "CLOUD_PROVIDER", "website": "https://example.com",
							 "contacts": [{"name": "Ada", "email": "ada@example.com", "role": "sustainability"}]}"""
						.formatted(nonce))
			.read("$.id", String.class);
		api.postJson("/api/v1/procurement/suppliers/" + supplier + "/disclosures", """
				{"values": {"facility.pue": 1.15, "facility.wue": 0.3, "grid.market_intensity": 40,
				            "energy.carbon_free_share": 80},
				 "evidence": "Sustainability report", "validFrom": "2026-01-01", "validTo": "2026-12-31"}""");
		DocumentContext evaluation = api.postJson("/api/v1/procurement/evaluations", """
				{"name": "training %s",
				 "workload": {"from": "2026-01-01", "to": "2026-03-31",
				              "acceleratorHours": [{"model": "H100-SXM", "hours": 1000}], "vcpuHours": 2000},
				 "candidates": [{"supplierId": "%s", "label": "sample", "provider": "aws", "region": "eu-north-1"},
				                {"supplierId": "%s", "label": "grid", "gridZone": "PL"}]}""".formatted(nonce, supplier,
				supplier));
		String yearMonth = month.toString().substring(0, 7);
		DocumentContext connector = api.postJson("/api/v1/connectors", """
				{"name": "sample %s", "type": "S3", "schedule": "0 6 * * *", "bucket": "exports",
				 "prefix": "cur/", "region": "eu-west-1"}""".formatted(nonce));
		return List.of("/connectors/" + connector.read("$.id", String.class), "/data-sources/" + job, "/sites/" + site,
				"/explorer/sites/" + site + "?from=" + yearMonth + "&to=" + yearMonth, "/workloads/" + workload,
				"/reports/" + report, "/reports/" + report + "/content?format=html", "/suppliers/" + supplier,
				"/evaluations/" + evaluation.read("$.id", String.class));
	}

	/** A FOCUS file for a new account: usage rows and one rejected row. */
	private static String focus(LocalDate month, String nonce) {
		StringBuilder csv = new StringBuilder("ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,"
				+ "BillingCurrency,ProviderName,ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,"
				+ "ConsumedUnit,SkuPriceDetails,Tags\n");
		for (int day = 0; day < 20; day++) {
			String start = month.plusDays(day) + "T00:00:00Z";
			String end = month.plusDays(day) + "T01:00:00Z";
			csv.append(start)
				.append(',')
				.append(end)
				.append(",Usage,32.77,USD,AWS,Compute,Amazon EC2,us-east-1,acct-")
				.append(nonce)
				.append(",1,Hours,\"{\"\"InstanceType\"\":\"\"p4d.24xlarge\"\"}\",\"{\"\"workload\"\":\"\"assistant-")
				.append(nonce)
				.append("\"\"}\"\n");
		}
		csv.append("yesterday,")
			.append(month)
			.append("T01:00:00Z,Usage,1.00,USD,AWS,Compute,Amazon EC2,us-east-1,acct-")
			.append(nonce)
			.append(",1,Hours,,\n");
		return csv.toString();
	}

}
