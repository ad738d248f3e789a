package org.greenledger.reports;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A headline number.
 *
 * @param label what it is, for example {@code "Scope 2 (location-based)"}
 * @param value the value
 * @param unit the unit, for example {@code "t CO2e"}
 * @param decimals 0 for a whole number; any other value lets the {@link Precision} rule
 * choose (three significant digits)
 * @param reference an optional regulation reference label
 * @param note an optional note printed under the figure
 */
public record KeyFigure(String label, double value, String unit, int decimals, @Nullable String reference,
		@Nullable String note) {

	public KeyFigure {
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(unit, "unit");
		if (decimals < 0 || decimals > 10) {
			throw new IllegalArgumentException("decimals must be between 0 and 10, was " + decimals);
		}
	}

	/**
	 * A figure with one decimal, no reference and no note.
	 * @param label the label
	 * @param value the value
	 * @param unit the unit
	 * @return the figure
	 */
	public static KeyFigure of(String label, double value, String unit) {
		return new KeyFigure(label, value, unit, 1, null, null);
	}

	/**
	 * This figure with another number of decimals.
	 * @param decimals the decimals
	 * @return a new figure
	 */
	public KeyFigure withDecimals(int decimals) {
		return new KeyFigure(this.label, this.value, this.unit, decimals, this.reference, this.note);
	}

	/**
	 * This figure with a regulation reference label.
	 * @param reference the label
	 * @return a new figure
	 */
	public KeyFigure withReference(@Nullable String reference) {
		return new KeyFigure(this.label, this.value, this.unit, this.decimals, reference, this.note);
	}

	/**
	 * This figure with a note.
	 * @param note the note
	 * @return a new figure
	 */
	public KeyFigure withNote(@Nullable String note) {
		return new KeyFigure(this.label, this.value, this.unit, this.decimals, this.reference, note);
	}

}
