package org.greenledger.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of content, as GreenLedger records it beside files, reports and evidence. */
public final class Sha256 {

	private Sha256() {
	}

	/** The digest of the bytes as 64 lower-case hex digits. */
	public static String hex(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
