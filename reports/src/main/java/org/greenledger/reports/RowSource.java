package org.greenledger.reports;

import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * The rows of a {@link Table}: each row is a list of cell values, one per column, in
 * column order ({@link String}, {@link Number}, {@link java.time.LocalDate} or
 * {@code null}).
 * <p>
 * A row source may stream: renderers take one row at a time and keep none, so a table of
 * a million rows never sits in memory. Each call to {@link #iterator()} must start again
 * from the first row (a renderer may read the rows more than once, for example the PDF
 * renderer, which lays out the document twice to number its table of contents). An
 * iterator that holds resources may implement {@link AutoCloseable}; renderers close it
 * when they are done.
 */
@FunctionalInterface
public interface RowSource extends Iterable<List<? extends @Nullable Object>> {

	/**
	 * The number of rows if known without reading them.
	 * @return the number of rows, or empty
	 */
	default OptionalLong knownSize() {
		return OptionalLong.empty();
	}

	/**
	 * Rows held in memory.
	 * @param rows the rows
	 * @return a row source of known size
	 */
	static RowSource of(List<? extends List<? extends @Nullable Object>> rows) {
		List<? extends List<? extends @Nullable Object>> copy = List.copyOf(rows);
		return new RowSource() {

			@Override
			@SuppressWarnings("unchecked")
			public Iterator<List<? extends @Nullable Object>> iterator() {
				return (Iterator<List<? extends @Nullable Object>>) copy.iterator();
			}

			@Override
			public OptionalLong knownSize() {
				return OptionalLong.of(copy.size());
			}

		};
	}

	/**
	 * Counts the rows: {@link #knownSize()} or, failing that, by reading them all.
	 * @return the number of rows
	 */
	default long count() {
		OptionalLong known = knownSize();
		if (known.isPresent()) {
			return known.getAsLong();
		}
		long count = 0;
		Iterator<?> rows = iterator();
		try {
			while (rows.hasNext()) {
				rows.next();
				count++;
			}
		}
		finally {
			RowSources.close(rows);
		}
		return count;
	}

}
