package org.greenledger.core.table;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A record's fields as {@link ByteCsvTokenizer} reads them, with the numbers of their
 * values in the columns' tables while it is the record last read ({@link ParsedCells}):
 * the cells in an array of the size records needed before, appended without a list's
 * bookkeeping.
 */
final class ByteRecord extends AbstractList<String> implements RandomAccess, ParsedCells {

	private final ByteCsvTokenizer tokenizer;

	private final long number;

	private String[] cells;

	private int size;

	ByteRecord(ByteCsvTokenizer tokenizer, int capacity, long number) {
		this.tokenizer = tokenizer;
		this.cells = new String[capacity];
		this.number = number;
	}

	@Override
	public String get(int index) {
		Objects.checkIndex(index, this.size);
		return this.cells[index];
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public String set(int index, String value) {
		Objects.checkIndex(index, this.size);
		String old = this.cells[index];
		this.cells[index] = value;
		return old;
	}

	@Override
	public void add(int index, String value) {
		Objects.checkIndex(index, this.size + 1);
		if (this.size == this.cells.length) {
			this.cells = Arrays.copyOf(this.cells, Math.max(8, this.size * 2));
		}
		System.arraycopy(this.cells, index, this.cells, index + 1, this.size - index);
		this.cells[index] = value;
		this.size++;
		this.modCount++;
	}

	@Override
	public String remove(int index) {
		Objects.checkIndex(index, this.size);
		String old = this.cells[index];
		System.arraycopy(this.cells, index + 1, this.cells, index, this.size - index - 1);
		this.cells[--this.size] = null;
		this.modCount++;
		return old;
	}

	/**
	 * Appends the next field (the tokenizer's add, without the list's bookkeeping).
	 */
	void append(String value) {
		if (this.size == this.cells.length) {
			this.cells = Arrays.copyOf(this.cells, this.size * 2);
			this.tokenizer.widen(this.cells.length);
		}
		this.cells[this.size++] = value;
	}

	@Override
	public int number(int position) {
		return (position < this.size) ? this.tokenizer.number(this.number, position) : -1;
	}

}
