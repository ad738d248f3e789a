package org.greenledger.connectors;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.greenledger.system.GreenLedgerProperties;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connectors' secrets sealed with AES-256-GCM, and where the key comes from. */
class SecretBoxTests {

	@TempDir
	Path data;

	@Test
	void aGeneratedKeyIsKeptInTheDataDirectoryReadableOnlyByItsOwner() throws Exception {
		UUID connector = UUID.randomUUID();
		byte[] sealed = box(null).seal(connector, Map.of("secretAccessKey", "wJalrXUtnFEMI"));
		Path key = this.data.resolve(SecretBox.KEY_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("wJalrXUtnFEMI");
		assertThat(box(null).open(connector, sealed)).containsExactly(Map.entry("secretAccessKey", "wJalrXUtnFEMI"));
	}

	@Test
	void aSealedSecretOpensOnlyForItsConnectorAndWithItsKey() throws Exception {
		String key = Base64.getEncoder().encodeToString(new byte[32]);
		UUID connector = UUID.randomUUID();
		byte[] sealed = box(key).seal(connector, Map.of("accessKeyId", "AKIA1"));
		assertThat(box(key).seal(connector, Map.of("accessKeyId", "AKIA1"))).as("a fresh nonce each time")
			.isNotEqualTo(sealed);
		assertThatThrownBy(() -> box(key).open(UUID.randomUUID(), sealed)).isInstanceOf(ConnectorException.class)
			.hasMessageContaining("enter the secrets again");
		String other = Base64.getEncoder()
			.encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
					23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });
		assertThatThrownBy(() -> box(other).open(connector, sealed)).isInstanceOf(ConnectorException.class);
	}

	@Test
	void aConfiguredKeyOfTheWrongLengthIsRefusedWithAMessage() {
		assertThatThrownBy(() -> box(Base64.getEncoder().encodeToString(new byte[16])))
			.hasMessageContaining("holds 128 bits; expected a 256-bit key");
		assertThatThrownBy(() -> box("not base64!")).hasMessageContaining("is not base64");
	}

	private SecretBox box(String key) {
		return new SecretBox(
				new ConnectorsProperties(key, Duration.ofSeconds(30), 2, Duration.ofHours(2), Duration.ofMinutes(2)),
				properties());
	}

	private GreenLedgerProperties properties() {
		return new GreenLedgerProperties(this.data, DataSize.ofMegabytes(512), "test");
	}

}
