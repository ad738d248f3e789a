package org.greenledger.database;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Encodes tuples in PostgreSQL's binary {@code COPY} format into a growing byte buffer:
 * no text parsing on the server, and no per-value objects on the client.
 */
public final class BinaryCopyEncoder {

	/** Signature, flags and header extension length of the binary COPY format. */
	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	/** Microseconds between the Unix epoch and PostgreSQL's epoch (2000-01-01 UTC). */
	private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

	private static final long POSTGRES_EPOCH_DAY = 10_957;

	private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

	/** Big-endian (network order) views of the buffer: one store per value. */
	private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private byte[] bytes;

	private int length;

	public BinaryCopyEncoder(int capacity) {
		this.bytes = new byte[capacity];
		putBytes(HEADER);
	}

	public void startTuple(int fields) {
		putShort(fields);
	}

	public void putNull() {
		putInt(-1);
	}

	public void putUuid(UUID value) {
		ensure(20);
		byte[] bytes = this.bytes;
		int at = this.length;
		INT.set(bytes, at, 16);
		LONG.set(bytes, at + 4, value.getMostSignificantBits());
		LONG.set(bytes, at + 12, value.getLeastSignificantBits());
		this.length = at + 20;
	}

	public void putInt8(long value) {
		putSized8(value);
	}

	/** A value of 8 bytes after its length. */
	private void putSized8(long value) {
		ensure(12);
		byte[] bytes = this.bytes;
		int at = this.length;
		INT.set(bytes, at, 8);
		LONG.set(bytes, at + 4, value);
		this.length = at + 12;
	}

	public void putInt8(@Nullable Long value) {
		if (value == null) {
			putNull();
		}
		else {
			putInt8(value.longValue());
		}
	}

	/** A date: days since 2000-01-01. */
	public void putDate(long epochDay) {
		putInt(4);
		putInt((int) (epochDay - POSTGRES_EPOCH_DAY));
	}

	public void putBool(boolean value) {
		putInt(1);
		ensure(1);
		this.bytes[this.length++] = (byte) (value ? 1 : 0);
	}

	public void putInt4(int value) {
		putInt(4);
		putInt(value);
	}

	public void putInt2(int value) {
		ensure(6);
		byte[] bytes = this.bytes;
		int at = this.length;
		INT.set(bytes, at, 2);
		SHORT.set(bytes, at + 4, (short) value);
		this.length = at + 6;
	}

	public void putTimestamp(Instant value) {
		putSized8(value.getEpochSecond() * 1_000_000L + value.getNano() / 1_000 - POSTGRES_EPOCH_MICROS);
	}

	/**
	 * A double; NaN and infinities are stored as null (the engine never produces them).
	 */
	public void putFloat8(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			putNull();
			return;
		}
		putSized8(Double.doubleToRawLongBits(value));
	}

	/** {@link #putFloat8} of each value, in order. */
	public void putFloat8s(double[] values) {
		ensure(12 * values.length);
		byte[] bytes = this.bytes;
		int at = this.length;
		for (double value : values) {
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				INT.set(bytes, at, -1);
				at += 4;
			}
			else {
				INT.set(bytes, at, 8);
				LONG.set(bytes, at + 4, Double.doubleToRawLongBits(value));
				at += 12;
			}
		}
		this.length = at;
	}

	/** {@code count} nulls. */
	public void putNulls(int count) {
		ensure(4 * count);
		for (int i = 0; i < count; i++) {
			INT.set(this.bytes, this.length, -1);
			this.length += 4;
		}
	}

	public void putText(@Nullable String value) {
		if (value == null) {
			putNull();
			return;
		}
		byte[] text = value.getBytes(StandardCharsets.UTF_8);
		putInt(text.length);
		putBytes(text);
	}

	/** A jsonb value: format version 1, then the JSON text. */
	public void putJsonb(@Nullable String json) {
		if (json == null) {
			putNull();
			return;
		}
		byte[] text = json.getBytes(StandardCharsets.UTF_8);
		putInt(text.length + 1);
		ensure(1);
		this.bytes[this.length++] = 1;
		putBytes(text);
	}

	/**
	 * A numeric: base-10000 digits with the decimal point on a digit boundary, weight of
	 * the first digit, sign and display scale.
	 */
	public void putNumeric(@Nullable BigDecimal value) {
		if (value == null) {
			putNull();
			return;
		}
		if (value.scale() >= 0 && value.scale() <= 18 && value.precision() <= 15) {
			putSmallNumeric(value);
			return;
		}
		int scale = Math.max(value.scale(), 0);
		BigInteger unscaled = (value.scale() < 0) ? value.setScale(0).unscaledValue() : value.unscaledValue();
		int padded = (scale + 3) / 4 * 4;
		BigInteger magnitude = unscaled.abs().multiply(BigInteger.TEN.pow(padded - scale));
		short[] digits = new short[8];
		int count = 0;
		if (magnitude.bitLength() < 63) {
			long rest = magnitude.longValue();
			while (rest != 0) {
				digits = grow(digits, count);
				digits[count++] = (short) (rest % 10_000);
				rest /= 10_000;
			}
		}
		else {
			BigInteger rest = magnitude;
			while (rest.signum() != 0) {
				BigInteger[] division = rest.divideAndRemainder(TEN_THOUSAND);
				digits = grow(digits, count);
				digits[count++] = division[1].shortValue();
				rest = division[0];
			}
		}
		// digits are least significant first; drop trailing zero groups (least
		// significant)
		int low = 0;
		while (low < count && digits[low] == 0) {
			low++;
		}
		int ndigits = count - low;
		int weight = count - padded / 4 - 1;
		putInt(8 + 2 * ndigits);
		putShort(ndigits);
		putShort((ndigits == 0) ? 0 : weight);
		putShort((unscaled.signum() < 0) ? 0x4000 : 0);
		putShort(scale);
		for (int i = count - 1; i >= low; i--) {
			putShort(digits[i]);
		}
	}

	/** Base-10000 digits of a small numeric, least significant first (reused). */
	private final short[] smallDigits = new short[8];

	/**
	 * The same encoding for a value of at most 15 digits and a scale of 0 to 18, without
	 * allocating {@link BigInteger}s: its unscaled value, padded to a multiple of four
	 * decimals, fits in a {@code long}.
	 */
	private void putSmallNumeric(BigDecimal value) {
		int scale = value.scale();
		int padded = (scale + 3) / 4 * 4;
		long unscaled = value.scaleByPowerOfTen(scale).longValueExact();
		long rest = Math.abs(unscaled);
		for (int i = scale; i < padded; i++) {
			rest *= 10;
		}
		short[] digits = this.smallDigits;
		int count = 0;
		while (rest != 0) {
			digits[count++] = (short) (rest % 10_000);
			rest /= 10_000;
		}
		int low = 0;
		while (low < count && digits[low] == 0) {
			low++;
		}
		int ndigits = count - low;
		int weight = count - padded / 4 - 1;
		ensure(12 + 2 * ndigits);
		byte[] bytes = this.bytes;
		int at = this.length;
		INT.set(bytes, at, 8 + 2 * ndigits);
		SHORT.set(bytes, at + 4, (short) ndigits);
		SHORT.set(bytes, at + 6, (short) ((ndigits == 0) ? 0 : weight));
		SHORT.set(bytes, at + 8, (short) ((unscaled < 0) ? 0x4000 : 0));
		SHORT.set(bytes, at + 10, (short) scale);
		at += 12;
		for (int i = count - 1; i >= low; i--) {
			SHORT.set(bytes, at, digits[i]);
			at += 2;
		}
		this.length = at;
	}

	private static short[] grow(short[] digits, int count) {
		return (count < digits.length) ? digits : Arrays.copyOf(digits, digits.length * 2);
	}

	public int length() {
		return this.length;
	}

	public byte[] buffer() {
		return this.bytes;
	}

	public void reset() {
		this.length = 0;
	}

	/** Ends the data and copies it, in one go, into {@code table}. */
	public void copyTo(java.sql.Connection connection, String table) throws java.sql.SQLException {
		finish();
		org.postgresql.copy.CopyIn copy = connection.unwrap(org.postgresql.core.BaseConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " from stdin with (format binary)");
		copy.writeToCopy(this.bytes, 0, this.length);
		copy.endCopy();
	}

	/**
	 * Appends values another encoder wrote ({@code bytes[from]} to
	 * {@code bytes[to - 1]}).
	 */
	public void putEncoded(byte[] bytes, int from, int to) {
		int length = to - from;
		ensure(length);
		System.arraycopy(bytes, from, this.bytes, this.length, length);
		this.length += length;
	}

	/** The trailer that ends the data. */
	public void finish() {
		putShort(-1);
	}

	private void putBytes(byte[] values) {
		ensure(values.length);
		System.arraycopy(values, 0, this.bytes, this.length, values.length);
		this.length += values.length;
	}

	private void putShort(int value) {
		ensure(2);
		SHORT.set(this.bytes, this.length, (short) value);
		this.length += 2;
	}

	private void putInt(int value) {
		ensure(4);
		INT.set(this.bytes, this.length, value);
		this.length += 4;
	}

	private void ensure(int more) {
		if (this.length + more > this.bytes.length) {
			grow(more);
		}
	}

	private void grow(int more) {
		this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
	}

}
