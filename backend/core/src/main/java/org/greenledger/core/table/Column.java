package org.greenledger.core.table;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A column of a table's header.
 *
 * @param name the name as in the file (or the expected name, when absent); row errors
 * name it
 * @param position 0-based position, or -1 when the file has no such column
 */
public record Column(String name, int position) {

	public boolean present() {
		return this.position >= 0;
	}

	/** The row's cell in this column, or null when the column or the cell is missing. */
	public @Nullable String value(List<String> cells) {
		return (this.position >= 0 && this.position < cells.size()) ? cells.get(this.position) : null;
	}

}
