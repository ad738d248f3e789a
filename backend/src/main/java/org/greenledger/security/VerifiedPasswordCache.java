package org.greenledger.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a few minutes, that a password matched its stored bcrypt hash, so that
 * stateless API clients sending HTTP Basic on every request do not pay a bcrypt
 * verification (tens of milliseconds of CPU) each time. Only successful matches are
 * remembered, as an HMAC (with a random per-process key) of the password and the stored
 * hash: a changed password has a new hash and is never matched from the cache, and
 * failures always go through bcrypt.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

	private static final int MAX_ENTRIES = 10_000;

	private final PasswordEncoder delegate;

	private final Duration lifetime;

	private final Clock clock;

	private final SecretKeySpec key;

	private final Map<String, Instant> verified = new ConcurrentHashMap<>();

	VerifiedPasswordCache(PasswordEncoder delegate, Duration lifetime, Clock clock) {
		this.delegate = delegate;
		this.lifetime = lifetime;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		String entry = mac(rawPassword + "\u0000" + encodedPassword);
		Instant now = Instant.now(this.clock);
		Instant until = this.verified.get(entry);
		if (until != null && now.isBefore(until)) {
			return true;
		}
		boolean matches = this.delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			if (this.verified.size() >= MAX_ENTRIES) {
				evictExpired(now);
			}
			if (this.verified.size() < MAX_ENTRIES) {
				this.verified.put(entry, now.plus(this.lifetime));
			}
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private void evictExpired(Instant now) {
		for (Iterator<Instant> until = this.verified.values().iterator(); until.hasNext();) {
			if (!now.isBefore(until.next())) {
				until.remove();
			}
		}
	}

	private String mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
