package org.greenledger.core.table;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.Float16LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.UUIDLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Parquet values as the text a CSV export of the same data holds, so that one reader per
 * billing format serves both containers: timestamps (INT64 millis, micros or nanos, with
 * or without UTC adjustment, and INT96) as ISO 8601 UTC {@code 2024-03-01T00:00:00Z}
 * (with a fraction when there is one), dates as {@code 2024-03-01}, decimals exactly as
 * plain decimal strings, floating-point numbers as the shortest decimal that reads back
 * to the same value (never with an exponent), booleans as {@code true}/{@code false},
 * strings as they are. Inside a map, list or struct the same values become JSON values:
 * numbers and booleans as such, everything else as strings.
 */
final class ParquetValues {

	/** Days from the Julian day 0 (INT96 timestamps) to 1970-01-01. */
	private static final long JULIAN_EPOCH_DAY = 2_440_588;

	private static final long NANOS_PER_DAY = 86_400_000_000_000L;

	private ParquetValues() {
	}

	static String text(PrimitiveType type, Binary value) {
		LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
		if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
			return new BigDecimal(new BigInteger(value.getBytes()), decimal.getScale()).toPlainString();
		}
		if (type.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
			return int96(value);
		}
		if (annotation instanceof UUIDLogicalTypeAnnotation && value.length() == 16) {
			ByteBuffer bytes = value.toByteBuffer();
			return new UUID(bytes.getLong(bytes.position()), bytes.getLong(bytes.position() + 8)).toString();
		}
		if (annotation instanceof Float16LogicalTypeAnnotation && value.length() == 2) {
			ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
			return text(Float.float16ToFloat(bytes.getShort(bytes.position())));
		}
		if (type.getPrimitiveTypeName() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY && annotation == null) {
			return HexFormat.of().formatHex(value.getBytes());
		}
		return value.toStringUsingUTF8();
	}

	static String text(PrimitiveType type, int value) {
		LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
		if (annotation instanceof DateLogicalTypeAnnotation) {
			return LocalDate.ofEpochDay(value).toString();
		}
		if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
			return BigDecimal.valueOf(value, decimal.getScale()).toPlainString();
		}
		if (annotation instanceof TimeLogicalTypeAnnotation) {
			return time(value * 1_000_000L);
		}
		if (annotation instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
			return Integer.toUnsignedString(value);
		}
		return Integer.toString(value);
	}

	static String text(PrimitiveType type, long value) {
		LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
		if (annotation instanceof TimestampLogicalTypeAnnotation timestamp) {
			// Timestamps without UTC adjustment are read as UTC, as CSV cells without
			// offset
			return DateTimeFormatter.ISO_INSTANT.format(instant(value, timestamp.getUnit()));
		}
		if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
			return BigDecimal.valueOf(value, decimal.getScale()).toPlainString();
		}
		if (annotation instanceof TimeLogicalTypeAnnotation time) {
			return time((time.getUnit() == TimeUnit.MICROS) ? value * 1_000 : value);
		}
		if (annotation instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
			return Long.toUnsignedString(value);
		}
		return Long.toString(value);
	}

	static String text(boolean value) {
		return Boolean.toString(value);
	}

	static String text(float value) {
		return Float.isFinite(value) ? plain(new BigDecimal(Float.toString(value))) : Float.toString(value);
	}

	static String text(double value) {
		return number(value);
	}

	/**
	 * The JSON value of a primitive inside a map, list or struct, from its text.
	 */
	static JsonNode json(PrimitiveType type, String text) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (type.getPrimitiveTypeName() == PrimitiveTypeName.BOOLEAN) {
			return nodes.booleanNode(Boolean.parseBoolean(text));
		}
		if (isNumber(type)) {
			try {
				return nodes.numberNode(new BigDecimal(text));
			}
			catch (NumberFormatException ex) {
				// NaN and infinities stay text
			}
		}
		return nodes.stringNode(text);
	}

	private static boolean isNumber(PrimitiveType type) {
		LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
		return switch (type.getPrimitiveTypeName()) {
			case INT32, INT64 -> annotation == null || annotation instanceof IntLogicalTypeAnnotation
					|| annotation instanceof DecimalLogicalTypeAnnotation;
			case FLOAT, DOUBLE -> true;
			case BINARY, FIXED_LEN_BYTE_ARRAY -> annotation instanceof DecimalLogicalTypeAnnotation
					|| annotation instanceof Float16LogicalTypeAnnotation;
			default -> false;
		};
	}

	private static Instant instant(long value, TimeUnit unit) {
		return switch (unit) {
			case MILLIS -> Instant.ofEpochMilli(value);
			case MICROS ->
				Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000);
			case NANOS ->
				Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
		};
	}

	/** Legacy INT96: nanoseconds of the day, then the Julian day, little-endian. */
	private static String int96(Binary value) {
		if (value.length() != 12) {
			throw new IllegalArgumentException("an INT96 timestamp has " + value.length() + " bytes instead of 12");
		}
		ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
		long nanosOfDay = bytes.getLong(bytes.position());
		long day = bytes.getInt(bytes.position() + 8) - JULIAN_EPOCH_DAY;
		long nanos = Math.addExact(Math.multiplyExact(day, NANOS_PER_DAY), nanosOfDay);
		return DateTimeFormatter.ISO_INSTANT.format(instant(nanos, TimeUnit.NANOS));
	}

	private static String time(long nanosOfDay) {
		return DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.ofNanoOfDay(nanosOfDay));
	}

	private static String number(double value) {
		return Double.isFinite(value) ? plain(BigDecimal.valueOf(value)) : Double.toString(value);
	}

	private static String plain(BigDecimal value) {
		return (value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString();
	}

}
