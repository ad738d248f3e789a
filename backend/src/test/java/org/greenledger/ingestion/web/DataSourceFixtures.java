package org.greenledger.ingestion.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.ingestion.StoredFiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files and jobs for the Data sources tests, unique per run (the test database persists).
 */
public final class DataSourceFixtures {

	static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,"
			+ "ProviderName,ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,ConsumedUnit,"
			+ "SkuPriceDetails,Tags";

	/** A bad row: its start is not a timestamp, its service name looks like a formula. */
	static final String BAD_SERVICE = "=HYPERLINK(\"\"https://example.com\"\";\"\"x\"\")";

	private DataSourceFixtures() {
	}

	/**
	 * A FOCUS CSV for a new sub-account in a month of 2025: {@code good} EC2 usage rows,
	 * then {@code bad} rows GreenLedger rejects (data rows good+1 ...).
	 */
	public static String focus(String nonce, int good, int bad) {
		LocalDate month = LocalDate.of(2025, ThreadLocalRandom.current().nextInt(1, 13), 1);
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		for (int i = 0; i < good; i++) {
			LocalDate day = month.plusDays(i % 28);
			csv.append(day)
				.append("T00:00:00Z,")
				.append(day)
				.append("T01:00:00Z,Usage,3.06,USD,AWS,Compute,Amazon EC2,eu-west-1,acct-")
				.append(nonce)
				.append(",1,Hours,\"{\"\"InstanceType\"\":\"\"m5.2xlarge\"\"}\",\n");
		}
		for (int i = 0; i < bad; i++) {
			csv.append("not-a-date,")
				.append(month)
				.append("T01:00:00Z,Usage,-1.50,USD,AWS,Compute,\"")
				.append(BAD_SERVICE)
				.append("\",eu-west-1,acct-")
				.append(nonce)
				.append(",1,Hours,,\n");
		}
		return csv.toString();
	}

	/**
	 * A job that FAILED on an unexpected error after its file was stored (what a database
	 * outage during ingestion leaves): nothing of the file is in the ledger.
	 */
	public static UUID failedJob(IngestionJobs jobs, JdbcClient jdbc, String fileName, String content) {
		StoredFiles.Stored stored;
		try {
			stored = jobs.store(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), fileName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						insert into ingestion_job (id, status, file_name, sha256, bytes, progress, message, created_by, created_at,
						                           started_at, finished_at)
						values (?, 'FAILED', ?, ?, ?, 0.4, ?, 'admin', ?, ?, ?)""")
			.params(id, fileName, stored.sha256(), stored.bytes(),
					"Ingestion failed: the database connection was lost. Nothing of the file was stored; the job"
							+ " can be sent again.",
					now, now, now)
			.update();
		return id;
	}

}
