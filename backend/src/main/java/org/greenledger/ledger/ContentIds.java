package org.greenledger.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-derived identifiers: the SHA-256 of a canonical text, and its first 8 bytes as
 * a {@code bigint} id, so that a loader can reference a row before it is stored.
 */
public record ContentIds(long id, String hash) {

	public static ContentIds of(String canonical) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return new ContentIds(ByteBuffer.wrap(digest).getLong(), HexFormat.of().formatHex(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
