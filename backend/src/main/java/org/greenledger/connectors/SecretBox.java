package org.greenledger.connectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.greenledger.system.GreenLedgerProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts connectors' secrets at rest: AES-256-GCM with a random 96-bit nonce per
 * encryption and the connector's id as associated data (a ciphertext copied onto another
 * connector does not decrypt). The key is {@code greenledger.connectors.secret-key}, or
 * one generated once into the data directory (file mode 600).
 */
@Component
class SecretBox {

	static final String KEY_FILE = "connectors-secret.key";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	SecretBox(ConnectorsProperties properties, GreenLedgerProperties greenledger) {
		this.key = new SecretKeySpec(key(properties.secretKey(), greenledger.dataDirectory()), "AES");
	}

	byte[] seal(UUID connector, Map<String, String> secrets) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(connector.toString().getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(secrets));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The connectors' secrets could not be encrypted", ex);
		}
	}

	Map<String, String> open(UUID connector, byte[] sealed) throws ConnectorException {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(connector.toString().getBytes(StandardCharsets.US_ASCII));
			byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
			return new LinkedHashMap<>(JSON.readValue(plain, new TypeReference<Map<String, String>>() {
			}));
		}
		catch (GeneralSecurityException ex) {
			throw new ConnectorException("The connector's secrets cannot be decrypted with the configured key"
					+ " (greenledger.connectors.secret-key changed, or the key file was replaced): enter the"
					+ " secrets again.");
		}
	}

	private static byte[] key(String configured, Path dataDirectory) {
		if (configured != null && !configured.isBlank()) {
			return decode(configured.strip(), "greenledger.connectors.secret-key");
		}
		Path file = dataDirectory.resolve(KEY_FILE);
		try {
			if (!Files.exists(file)) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Files.createDirectories(dataDirectory);
				write(file, Base64.getEncoder().encodeToString(fresh));
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The connectors' secret key file " + file + " cannot be read or created: "
					+ ex.getMessage() + ". Set greenledger.connectors.secret-key or make the data directory writable.",
					ex);
		}
	}

	private static void write(Path file, String content) throws IOException {
		try {
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
			Files.writeString(file, content, StandardCharsets.US_ASCII);
		}
		catch (FileAlreadyExistsException ex) {
			// another process created it first: use theirs
		}
	}

	private static byte[] decode(String base64, String where) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(where + " is not base64: expected a 256-bit key, for example the output"
					+ " of 'openssl rand -base64 32'");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(where + " holds " + bytes.length * 8 + " bits; expected a 256-bit key"
					+ " (32 bytes, base64), for example the output of 'openssl rand -base64 32'");
		}
		return bytes;
	}

}
