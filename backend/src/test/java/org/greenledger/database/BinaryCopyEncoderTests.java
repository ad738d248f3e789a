package org.greenledger.database;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BinaryCopyEncoderTests {

	@Test
	void numericsReadBackAsTheSameValueAndScale() {
		SplittableRandom random = new SplittableRandom(11);
		for (int i = 0; i < 20_000; i++) {
			BigDecimal value = switch (i % 6) {
				case 0 -> BigDecimal.valueOf(random.nextLong(-1_000_000_000L, 1_000_000_000L), random.nextInt(0, 10));
				case 1 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(0, 19));
				case 2 -> new BigDecimal(BigInteger.valueOf(random.nextLong()).multiply(BigInteger.TEN.pow(12)),
						random.nextInt(0, 25));
				case 3 -> BigDecimal.valueOf(random.nextLong(-999_999_999_999_999L, 999_999_999_999_999L), 18);
				case 4 -> BigDecimal.valueOf(random.nextInt(-5, 5), random.nextInt(0, 4));
				default -> BigDecimal.valueOf(random.nextLong(1, 1000), -random.nextInt(1, 4));
			};
			assertThat(roundTrip(value)).as("%s", value.toPlainString())
				.isEqualTo(value.setScale(Math.max(0, value.scale())));
		}
	}

	@Test
	void zeroAndNegativesKeepTheirScale() {
		for (String text : new String[] { "0", "0.000000", "-1.5", "-0.000001", "1234567890.123456", "10000", "0.0001",
				"-99999999999999.9" }) {
			BigDecimal value = new BigDecimal(text);
			assertThat(roundTrip(value)).isEqualTo(value);
		}
	}

	/**
	 * Decodes the binary numeric the encoder wrote (PostgreSQL's numeric_send layout).
	 */
	private static BigDecimal roundTrip(BigDecimal value) {
		BinaryCopyEncoder out = new BinaryCopyEncoder(64);
		out.putNumeric(value);
		// after the 19 bytes of the COPY header
		ByteBuffer in = ByteBuffer.wrap(out.buffer(), 19, out.length() - 19);
		int length = in.getInt();
		int ndigits = in.getShort();
		assertThat(length).isEqualTo(8 + 2 * ndigits);
		int weight = in.getShort();
		int sign = in.getShort() & 0xFFFF;
		int scale = in.getShort();
		BigDecimal result = BigDecimal.ZERO;
		for (int i = 0; i < ndigits; i++) {
			int digit = in.getShort();
			assertThat(digit).isBetween(0, 9999);
			result = result.add(BigDecimal.valueOf(digit).scaleByPowerOfTen(4 * (weight - i)));
		}
		result = (sign == 0x4000) ? result.negate() : result;
		assertThat(sign).isIn(0, 0x4000);
		return result.setScale(scale);
	}

}
