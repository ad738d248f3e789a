package org.greenledger.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordCacheTests {

	private final CountingEncoder bcrypt = new CountingEncoder();

	private final MutableClock clock = new MutableClock();

	private final PasswordEncoder encoder = new VerifiedPasswordCache(this.bcrypt, Duration.ofMinutes(5), this.clock);

	private final String hash = this.bcrypt.encode("correct horse battery");

	@Test
	void aVerifiedPasswordIsNotCheckedWithBcryptAgainWithinTheLifetime() {
		assertThat(this.encoder.matches("correct horse battery", this.hash)).isTrue();
		assertThat(this.encoder.matches("correct horse battery", this.hash)).isTrue();
		assertThat(this.bcrypt.checks.get()).isOne();
	}

	@Test
	void wrongPasswordsAlwaysGoThroughBcrypt() {
		assertThat(this.encoder.matches("wrong", this.hash)).isFalse();
		assertThat(this.encoder.matches("wrong", this.hash)).isFalse();
		assertThat(this.bcrypt.checks.get()).isEqualTo(2);
	}

	@Test
	void aChangedHashIsVerifiedAfresh() {
		assertThat(this.encoder.matches("correct horse battery", this.hash)).isTrue();
		String changed = this.bcrypt.encode("a new password");
		assertThat(this.encoder.matches("correct horse battery", changed)).isFalse();
	}

	@Test
	void theMemoryExpires() {
		this.encoder.matches("correct horse battery", this.hash);
		this.clock.now = this.clock.now.plus(Duration.ofMinutes(6));
		this.encoder.matches("correct horse battery", this.hash);
		assertThat(this.bcrypt.checks.get()).isEqualTo(2);
	}

	private static final class CountingEncoder implements PasswordEncoder {

		final AtomicInteger checks = new AtomicInteger();

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

		@Override
		public String encode(CharSequence rawPassword) {
			return this.bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checks.incrementAndGet();
			return this.bcrypt.matches(rawPassword, encodedPassword);
		}

	}

	private static final class MutableClock extends Clock {

		Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
