package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.greenledger.ingestion.SparkOutputs.RefusedLocationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Spark output in the S3 file store's bucket (the committed output, made from the FOCUS
 * 1.0 sample, on S3Proxy): located as {@code s3://bucket/prefix} with the file store's
 * settings, it has the manifest and the parts, byte for byte, that the loader reads from
 * the same output in a directory; a location in another bucket, or without a finished
 * output, is refused with the reason.
 */
class SparkOutputS3Tests {

	private static final Path OUTPUT = Path.of("src/test/resources/spark-output/focus-sample").toAbsolutePath();

	@Test
	void anOutputInTheFileStoresBucketReadsAsTheSameOutputInADirectory() throws Exception {
		try (S3ProxyServer server = S3ProxyServer.start(Path.of("target", "s3proxy-spark").toAbsolutePath());
				S3Client s3 = server.client()) {
			s3.createBucket(create -> create.bucket("greenledger"));
			List<Path> files;
			try (Stream<Path> walk = Files.walk(OUTPUT)) {
				files = walk.filter(Files::isRegularFile).toList();
			}
			for (Path file : files) {
				s3.putObject(put -> put.bucket("greenledger").key("spark/2024-09/" + OUTPUT.relativize(file)),
						RequestBody.fromFile(file));
			}
			s3.putObject(put -> put.bucket("greenledger").key("spark/unfinished/lines/part-00000.parquet"), RequestBody
				.fromFile(files.stream().filter(f -> f.toString().endsWith(".parquet")).findFirst().get()));
			SparkOutputRoots roots = new SparkOutputRoots(new SparkOutputProperties(List.of()),
					new FileStoreProperties("s3://greenledger/files", server.settings()));

			try (SparkOutputSource fromS3 = roots.locate("s3://greenledger/spark/2024-09/");
					SparkOutputSource fromDirectory = new SparkOutputSource.Directory(OUTPUT)) {
				assertThat(fromS3).isInstanceOf(SparkOutputSource.S3.class);
				assertThat(fromS3.manifest()).isEqualTo(fromDirectory.manifest());
				assertThat(fromS3.parts()).isNotEmpty().isEqualTo(fromDirectory.parts());
				for (String part : fromDirectory.parts()) {
					assertThat(bytes(fromS3, part)).as(part).isEqualTo(bytes(fromDirectory, part));
				}
			}
			assertThatExceptionOfType(RefusedLocationException.class)
				.isThrownBy(() -> roots.locate("s3://another-bucket/spark/2024-09"))
				.withMessageContaining("must lie in the bucket of the S3 file store");
			assertThatExceptionOfType(RefusedLocationException.class)
				.isThrownBy(() -> roots.locate("s3://greenledger/spark/unfinished"))
				.withMessageContaining("No finished Spark output at s3://greenledger/spark/unfinished");
		}
	}

	private static byte[] bytes(SparkOutputSource output, String part) throws IOException {
		try (InputStream in = output.open(part)) {
			return in.readAllBytes();
		}
	}

}
