package org.greenledger.system;

import java.security.SecureRandom;

/**
 * Random secrets made of letters and digits, so they survive every shell and config
 * format.
 */
public final class RandomSecrets {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomSecrets() {
	}

	public static String generate(int length) {
		StringBuilder secret = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return secret.toString();
	}

}
