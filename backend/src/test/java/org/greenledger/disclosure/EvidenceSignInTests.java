package org.greenledger.disclosure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed sign-ins since a report's period began are part of its evidence pack. */
@IntegrationTest
class EvidenceSignInTests {

	@LocalServerPort
	int port;

	@Test
	void theEvidencePackListsFailedSignInsSinceThePeriodBegan() throws IOException {
		HttpTestClient http = new HttpTestClient(this.port);
		String intruder = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(http.get("/api/v1/me", HttpTestClient.basic(intruder, "guessed password")).statusCode())
			.isEqualTo(401);
		String id = new MeasuredUploads(http)
			.postJson("/api/v1/reports", "{\"type\": \"ESRS\", \"from\": \"2026-01-01\", \"to\": \"2026-01-31\"}")
			.read("$.id", String.class);

		byte[] zip = http.getBytes("/api/v1/reports/" + id + "/evidence", MeasuredUploads.admin()).body();
		assertThat(entry(zip, "audit-events.json")).contains("\"action\" : \"SIGN_IN_FAILED\"")
			.contains("\"actor\" : \"" + intruder + "\"")
			.doesNotContain("guessed password");
	}

	private static String entry(byte[] zip, String name) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError("No " + name + " in the evidence pack");
	}

}
