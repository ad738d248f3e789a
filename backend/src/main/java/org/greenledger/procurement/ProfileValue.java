package org.greenledger.procurement;

import org.jspecify.annotations.Nullable;

/**
 * A value of a supplier profile with the evidence it rests on.
 *
 * @param number the value, for numeric criteria
 * @param text the value, for level criteria ({@code validated}, {@code A-}, {@code yes})
 * @param evidence where it comes from (disclosure version and field, a document, a link)
 */
public record ProfileValue(@Nullable Double number, @Nullable String text, @Nullable String evidence) {

	public static ProfileValue of(double number, @Nullable String evidence) {
		return new ProfileValue(number, null, evidence);
	}

	public static ProfileValue of(String text, @Nullable String evidence) {
		return new ProfileValue(null, text, evidence);
	}

	/** The value as written. */
	public String display() {
		if (this.number != null) {
			double value = this.number;
			return (value == Math.rint(value) && Math.abs(value) < 1e15) ? String.valueOf((long) value)
					: String.valueOf(value);
		}
		return String.valueOf(this.text);
	}

}
