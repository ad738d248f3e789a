package org.greenledger.spark;

import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of a test run: local mode on two threads, few shuffle partitions,
 * no UI; stopped when the JVM ends.
 */
final class LocalSpark {

	/** The billing corpus of the application's tests (sources in its SOURCES.md). */
	static final Path CORPUS = Path.of("../src/test/resources/corpus/billing").toAbsolutePath().normalize();

	private static SparkSession session;

	private LocalSpark() {
	}

	static synchronized SparkSession session() {
		if (session == null) {
			session = SparkSession.builder()
				.master("local[2]")
				.appName("greenledger-spark-tests")
				.config("spark.ui.enabled", "false")
				.config("spark.sql.shuffle.partitions", "2")
				.config("spark.default.parallelism", "2")
				.getOrCreate();
			SparkSession started = session;
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
		}
		return session;
	}

}
