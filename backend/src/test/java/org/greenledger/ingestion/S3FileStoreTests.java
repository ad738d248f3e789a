package org.greenledger.ingestion;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The S3 file store against a real S3-compatible server on loopback
 * ({@link S3ProxyServer}): content-addressed, streamed in parts, and nothing left behind
 * by an upload that fails while it streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3FileStoreTests {

	private static final String BUCKET = "greenledger-files";

	private S3ProxyServer server;

	private S3Client s3;

	@BeforeAll
	void startServer() throws Exception {
		this.server = S3ProxyServer.start(Path.of("target", "s3proxy-test").toAbsolutePath());
		this.s3 = this.server.client();
		this.s3.createBucket(create -> create.bucket(BUCKET));
	}

	@AfterAll
	void stopServer() throws InterruptedException {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void aSmallFileIsStoredUnderItsSha256AndReadBack() throws Exception {
		StoredFiles store = store("small");
		byte[] content = "ChargePeriodStart,BilledCost\n2025-03-01T00:00:00Z,0.19\n".getBytes();

		StoredFiles.Stored stored = store.store(new ByteArrayInputStream(content));
		StoredFiles.Stored again = store.store(new ByteArrayInputStream(content));

		assertThat(stored.sha256()).isEqualTo(sha256(content));
		assertThat(stored.bytes()).isEqualTo(content.length);
		assertThat(again).isEqualTo(stored);
		assertThat(store.exists(stored.sha256())).isTrue();
		assertThat(store.exists(sha256("other".getBytes()))).isFalse();
		try (InputStream in = store.open(stored.sha256())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(keys("small/")).as("one object per content, no temporary upload left")
			.containsExactly("small/" + stored.sha256().substring(0, 2) + "/" + stored.sha256() + ".zst");
		store.delete(stored.sha256());
		assertThat(store.exists(stored.sha256())).isFalse();
	}

	@Test
	void aLargeFileIsSentInPartsAndReadBackByteForByte() throws Exception {
		StoredFiles store = store("large");
		// random bytes do not compress: 13 MB is three parts of 5 MB
		byte[] content = new byte[13 * 1024 * 1024];
		new Random(20).nextBytes(content);

		StoredFiles.Stored stored = store.store(new ByteArrayInputStream(content));

		assertThat(stored.sha256()).isEqualTo(sha256(content));
		assertThat(stored.bytes()).isEqualTo(content.length);
		try (InputStream in = store.open(stored.sha256())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(keys("large/")).hasSize(1);
	}

	@Test
	void anUploadThatFailsWhileItStreamsLeavesNothingBehind() {
		StoredFiles store = store("failing");
		byte[] content = new byte[12 * 1024 * 1024];
		new Random(7).nextBytes(content);
		// the limit a request body is held to, reached after two parts were sent
		InputStream limited = new FilterInputStream(new ByteArrayInputStream(content)) {

			private long read;

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				int n = super.read(bytes, offset, length);
				this.read += Math.max(0, n);
				if (this.read > 11L * 1024 * 1024) {
					throw new IOException("the upload is larger than the 11MB allowed");
				}
				return n;
			}

		};

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> store.store(limited))
			.withMessageContaining("larger than the 11MB allowed");
		assertThat(keys("failing/")).isEmpty();
		assertThat(this.s3.listMultipartUploads(list -> list.bucket(BUCKET).prefix("failing/")).uploads())
			.as("the multipart upload was aborted")
			.isEmpty();
	}

	@Test
	void theSettingNamesTheStore() {
		Path data = Path.of("target", "data");
		assertThat(FileStoreConfiguration.create(new FileStoreProperties(null, this.server.settings()), data))
			.hasToString("directory " + data.resolve("files"));
		assertThat(FileStoreConfiguration.create(new FileStoreProperties("/srv/shared", this.server.settings()), data))
			.hasToString("directory /srv/shared");
		assertThat(FileStoreConfiguration
			.create(new FileStoreProperties("s3://" + BUCKET + "/uploads/2025/", this.server.settings()), data))
			.hasToString("s3://" + BUCKET + "/uploads/2025/");
	}

	private StoredFiles store(String prefix) {
		return FileStoreConfiguration.create(new FileStoreProperties("s3://" + BUCKET + "/" + prefix,
				new FileStoreProperties.S3(this.server.endpoint(), "us-east-1", true, S3ProxyServer.ACCESS_KEY,
						S3ProxyServer.SECRET_KEY, DataSize.ofMegabytes(5))),
				Path.of("target"));
	}

	private List<String> keys(String prefix) {
		return this.s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(prefix))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
