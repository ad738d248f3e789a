package org.greenledger.core.table;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The tables of values of a {@link ByteCsvTokenizer}'s columns
 * ({@link ByteColumnValues}), and the numbers of the current record's values in them. A
 * quoted field with doubled quotes is looked up by its bytes between the quotes as they
 * are in the file, in a table of its own per column, so that a value seen before is not
 * unescaped again.
 */
final class ByteColumns {

	/** Marks the number of a value in a column's {@link #escaped} table. */
	private static final int ESCAPED = 1 << 30;

	private ByteColumnValues[] plain = new ByteColumnValues[0];

	/** Per column, the values of quoted fields with doubled quotes. */
	private @Nullable ByteColumnValues[] escaped = new ByteColumnValues[0];

	/** The numbers of the current record's values in their columns' tables, or -1. */
	private int[] numbers = new int[64];

	/**
	 * Marks the column's cell in the current record as not in its column's table (yet).
	 */
	void notRemembered(int column) {
		if (column == this.numbers.length) {
			this.numbers = Arrays.copyOf(this.numbers, column * 2);
		}
		this.numbers[column] = -1;
	}

	/**
	 * The value of a field's bytes, from its column's table: with doubled quotes
	 * ({@code escaped}), the table of such fields, which unescapes a value it has not
	 * seen.
	 */
	String value(int column, byte[] bytes, int offset, int length, boolean escaped) {
		ByteColumnValues values = escaped ? escaped(column) : plain(column);
		String value = values.value(bytes, offset, length);
		int number = values.number();
		this.numbers[column] = (escaped && number >= 0) ? number | ESCAPED : number;
		return value;
	}

	/**
	 * The number of the current record's value at the position: in its column's plain
	 * table, or after those in the table of fields with doubled quotes; -1 when it has
	 * none ({@link ParsedCells}).
	 */
	int number(int position) {
		int number = this.numbers[position];
		return (number < 0 || (number & ESCAPED) == 0) ? number : (number & ~ESCAPED) + ByteColumnValues.MAX_VALUES;
	}

	private ByteColumnValues escaped(int column) {
		if (column >= this.escaped.length) {
			this.escaped = Arrays.copyOf(this.escaped, Math.max(column + 1, this.escaped.length * 2));
		}
		ByteColumnValues values = this.escaped[column];
		if (values == null) {
			values = new ByteColumnValues(true);
			this.escaped[column] = values;
		}
		return values;
	}

	private ByteColumnValues plain(int column) {
		if (column >= this.plain.length) {
			int known = this.plain.length;
			this.plain = Arrays.copyOf(this.plain, column + 1);
			for (int i = known; i <= column; i++) {
				this.plain[i] = new ByteColumnValues(false);
			}
		}
		return this.plain[column];
	}

}
