package org.greenledger.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark output the application's tests load
 * ({@code backend/src/test/resources/spark-output/focus-sample}, SparkOutputLoadTests) is
 * what this job makes of the FOCUS sample today: run again, it writes the same lines and
 * the same accounting. When the readers, mapper, engine or factors change on purpose, the
 * output is regenerated with the command in docs/spark.md.
 */
class CommittedOutputTests {

	static final Path COMMITTED = Path.of("../src/test/resources/spark-output/focus-sample")
		.toAbsolutePath()
		.normalize();

	@TempDir
	Path work;

	@Test
	void runningTheJobAgainOnTheFocusSampleReproducesTheCommittedOutput() throws IOException {
		Path output = this.work.resolve("out");
		BillingJob.Result result = new BillingJob(LocalSpark.session()).run(JobArguments.parse("--output",
				output.toUri().toString(), LocalSpark.CORPUS.resolve("focus-1.0/focus_sample.csv").toUri().toString()));

		SparkSession spark = LocalSpark.session();
		Dataset<Row> again = spark.read().parquet(output.resolve("lines").toString());
		Dataset<Row> committed = spark.read().parquet(COMMITTED.resolve("lines").toString());
		assertThat(committed.count()).isEqualTo(1031);
		assertThat(again.count()).isEqualTo(committed.count());
		assertThat(again.exceptAll(committed).count()).as("lines written now but not committed").isZero();
		assertThat(committed.exceptAll(again).count()).as("lines committed but not written now").isZero();

		Map<?, ?> manifest = LineRecords.JSON.readValue(Files.readString(COMMITTED.resolve("manifest.json")),
				Map.class);
		assertThat(LineRecords.JSON.writeValueAsString(result.manifest().get("totals")))
			.isEqualTo(LineRecords.JSON.writeValueAsString(manifest.get("totals")));
		assertThat(LineRecords.JSON.writeValueAsString(result.manifest().get("files")))
			.isEqualTo(LineRecords.JSON.writeValueAsString(((List<?>) manifest.get("files")).stream()
				.map(file -> fileWithUri((Map<?, ?>) file, (List<?>) result.manifest().get("files")))
				.toList()));
	}

	/** The committed file's accounting with the location it was read from here. */
	private static Map<Object, Object> fileWithUri(Map<?, ?> committed, List<?> now) {
		Map<Object, Object> file = new LinkedHashMap<>(committed);
		file.put("uri", ((Map<?, ?>) now.get(0)).get("uri"));
		return file;
	}

}
