package org.greenledger.spark;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job reads its input from and writes its output to {@code s3a://} paths on an
 * S3-compatible store (S3Proxy on loopback; endpoint, path-style access and credentials
 * set in Hadoop's configuration, as a user sets them for any such store): on the real
 * FOCUS sample, its lines equal those of the committed output, which
 * {@link CommittedOutputTests} checks against a fresh {@code file://} run, line for line,
 * and its accounting is the same.
 */
class S3aTests {

	@TempDir
	Path work;

	@Test
	void theJobReadsAndWritesS3aPathsWithTheLinesOfTheFileRun() throws Exception {
		SparkSession spark = LocalSpark.session();
		Configuration hadoop = spark.sparkContext().hadoopConfiguration();
		try (S3ProxyServer server = S3ProxyServer.start(this.work.resolve("s3proxy"));
				S3Client s3 = S3Client.builder()
					.endpointOverride(URI.create(server.endpoint()))
					.region(Region.US_EAST_1)
					.forcePathStyle(true)
					.credentialsProvider(StaticCredentialsProvider
						.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
					.build()) {
			s3.createBucket(create -> create.bucket("bills"));
			server.configure(hadoop, "bills");
			FileSystem fs = FileSystem.get(URI.create("s3a://bills/"), hadoop);
			fs.copyFromLocalFile(
					new org.apache.hadoop.fs.Path(LocalSpark.CORPUS.resolve("focus-1.0/focus_sample.csv").toUri()),
					new org.apache.hadoop.fs.Path("s3a://bills/focus/2024-09/focus_sample.csv"));

			BillingJob.Result result = new BillingJob(spark)
				.run(JobArguments.parse("--output", "s3a://bills/out/2024-09", "s3a://bills/focus/2024-09/"));

			Dataset<Row> fromS3 = spark.read().parquet("s3a://bills/out/2024-09/lines");
			Dataset<Row> fromFile = spark.read().parquet(CommittedOutputTests.COMMITTED.resolve("lines").toString());
			assertThat(fromS3.count()).isEqualTo(1031).isEqualTo(fromFile.count());
			assertThat(fromS3.exceptAll(fromFile).count()).as("lines of the s3a run not in the file run").isZero();
			assertThat(fromFile.exceptAll(fromS3).count()).as("lines of the file run not in the s3a run").isZero();
			assertThat(spark.read().parquet("s3a://bills/out/2024-09/rollups/monthly").count()).isPositive();

			Map<?, ?> committed = LineRecords.JSON
				.readValue(Files.readString(CommittedOutputTests.COMMITTED.resolve("manifest.json")), Map.class);
			Map<?, ?> written;
			try (InputStream in = fs.open(new org.apache.hadoop.fs.Path("s3a://bills/out/2024-09/manifest.json"))) {
				written = LineRecords.JSON.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
			}
			assertThat(LineRecords.JSON.writeValueAsString(written.get("totals")))
				.isEqualTo(LineRecords.JSON.writeValueAsString(committed.get("totals")))
				.isEqualTo(LineRecords.JSON.writeValueAsString(result.manifest().get("totals")));
			Map<?, ?> file = (Map<?, ?>) ((List<?>) written.get("files")).get(0);
			assertThat(file.get("file")).isEqualTo("focus_sample.csv");
			assertThat(file.get("uri")).isEqualTo("s3a://bills/focus/2024-09/focus_sample.csv");
			assertThat(written.get("inputs")).isEqualTo(List.of("s3a://bills/focus/2024-09/"));
		}
	}

}
