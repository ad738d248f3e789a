package org.greenledger.reports;

import java.util.Iterator;

/**
 * Helpers for renderers that read a {@link RowSource}.
 */
public final class RowSources {

	private RowSources() {
	}

	/**
	 * Closes an iterator of a {@link RowSource} if it is {@link AutoCloseable}.
	 * @param rows the iterator
	 */
	public static void close(Iterator<?> rows) {
		if (rows instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not close the rows", ex);
			}
		}
	}

}
