package org.greenledger.ingestion.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a FOCUS CSV of N rows that GreenLedger rejects one by one (the charge period's
 * start is not a timestamp), for the benchmark of recording every row error. Usage:
 * {@code RejectedFileGenerator <rows> <file>}.
 */
public final class RejectedFileGenerator {

	private RejectedFileGenerator() {
	}

	public static void main(String[] args) throws IOException {
		long rows = Long.parseLong(args[0]);
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8),
				1 << 16)) {
			out.write("ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,ProviderName,"
					+ "ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,ConsumedUnit,SkuPriceDetails,"
					+ "Tags\n");
			for (long row = 1; row <= rows; row++) {
				out.write("day-" + row + ",2024-03-01T01:00:00Z,Usage,0.19,USD,AWS,Compute,Amazon EC2,us-east-1,"
						+ "bench,1,Hours,,\n");
			}
		}
		System.out.println(rows + " rows to reject written to " + args[1]);
	}

}
