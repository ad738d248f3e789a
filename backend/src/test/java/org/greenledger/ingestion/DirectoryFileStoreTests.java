package org.greenledger.ingestion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryFileStoreTests {

	@Test
	void contentCompressedOnTheCallingThreadIsStoredAsOnAWorker(@TempDir Path root) throws Exception {
		byte[] content = csv(3_000_000);
		DirectoryFileStore worker = new DirectoryFileStore(root.resolve("worker"));
		DirectoryFileStore here = new DirectoryFileStore(root.resolve("here"));
		StoredFiles.Stored onWorker = worker.store(new ByteArrayInputStream(content));
		StoredFiles.Stored onCaller = here.storeCompressingHere(new ByteArrayInputStream(content));
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		assertThat(onCaller).isEqualTo(onWorker).isEqualTo(new StoredFiles.Stored(sha256, content.length));
		try (InputStream in = here.open(sha256)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(java.nio.file.Files.size(here.path(sha256))).as("compressed").isLessThan(content.length / 3);
	}

	private static byte[] csv(int bytes) throws IOException {
		SplittableRandom random = new SplittableRandom(3);
		StringBuilder text = new StringBuilder("day,account,cost\n");
		while (text.length() < bytes) {
			text.append("2024-03-")
				.append(10 + random.nextInt(20))
				.append(",acct-")
				.append(random.nextInt(50))
				.append(',')
				.append(random.nextInt(100_000) / 100.0)
				.append('\n');
		}
		return text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

}
