package org.greenledger.spark;

import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The spark-submit entry point: reads the billing files the arguments name and writes the
 * output directory GreenLedger loads as one ingestion job (see docs/spark.md). Exits with
 * 2 on wrong arguments, 1 when the job fails.
 */
public final class SparkIngestion {

	private SparkIngestion() {
	}

	public static void main(String[] args) throws Exception {
		JobArguments arguments;
		try {
			arguments = JobArguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		SparkConf conf = new SparkConf().setAppName("GreenLedger billing ingestion");
		if (!conf.contains("spark.master")) {
			conf.setMaster("local[*]");
		}
		SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
		try {
			long started = System.nanoTime();
			BillingJob.Result result = new BillingJob(spark).run(arguments);
			double seconds = (System.nanoTime() - started) / 1e9;
			Map<?, ?> totals = (Map<?, ?>) result.manifest().get("totals");
			long read = ((Number) totals.get("rowsRead")).longValue();
			System.out.printf(
					"GreenLedger Spark job: %d rows read (%d accepted, %d cost-only, %d rejected) in %d files"
							+ " (%d refused), %d activity lines, in %.1f s (%.0f rows/s); output %s%n",
					read, totals.get("rowsAccepted"), totals.get("rowsCostOnly"), totals.get("rowsRejected"),
					totals.get("files"), totals.get("filesRefused"), result.lines(), seconds, read / seconds,
					arguments.output());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			spark.stop();
			System.exit(1);
		}
		finally {
			spark.stop();
		}
	}

}
