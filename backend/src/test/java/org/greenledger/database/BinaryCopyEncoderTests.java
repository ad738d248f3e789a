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

	@Test
	void fixedSizeValuesAreBigEndianAfterTheirLength() {
		BinaryCopyEncoder out = new BinaryCopyEncoder(8);
		java.util.UUID uuid = new java.util.UUID(0x0102030405060708L, 0x090a0b0c0d0e0f10L);
		java.time.Instant instant = java.time.Instant.parse("2024-03-01T01:00:00.123456789Z");
		out.startTuple(7);
		out.putUuid(uuid);
		out.putInt8(-2L);
		out.putInt2(-3);
		out.putTimestamp(instant);
		out.putFloat8(1.5);
		out.putFloat8(Double.NaN);
		out.putNull();
		byte[] tuple = java.util.Arrays.copyOfRange(out.buffer(), 19, out.length());
		ByteBuffer expected = ByteBuffer.allocate(tuple.length);
		expected.putShort((short) 7);
		expected.putInt(16).putLong(0x0102030405060708L).putLong(0x090a0b0c0d0e0f10L);
		expected.putInt(8).putLong(-2L);
		expected.putInt(2).putShort((short) -3);
		// microseconds since 2000-01-01
		expected.putInt(8).putLong((instant.getEpochSecond() - 946_684_800L) * 1_000_000L + 123_456);
		expected.putInt(8).putLong(Double.doubleToRawLongBits(1.5));
		expected.putInt(-1);
		expected.putInt(-1);
		assertThat(tuple).isEqualTo(expected.array());
		BinaryCopyEncoder copy = new BinaryCopyEncoder(4);
		copy.putEncoded(out.buffer(), 19, out.length());
		assertThat(java.util.Arrays.copyOfRange(copy.buffer(), 19, copy.length())).isEqualTo(tuple);
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
