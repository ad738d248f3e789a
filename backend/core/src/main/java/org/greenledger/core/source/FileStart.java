package org.greenledger.core.source;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a format is recognised from: the start of a file, decompressed and decoded, a
 * byte-order mark and leading blanks removed, and the table's columns when they are known
 * (a Parquet file's, or a CSV header once the table is open).
 *
 * @param text the start of the file as text ("" when only the columns are known)
 * @param columns the table's column names, empty when not known yet
 */
public record FileStart(String text, List<String> columns) {

	public FileStart {
		columns = List.copyOf(columns);
	}

	/** The start of a file from its first bytes, the columns not known yet. */
	public static FileStart of(byte[] head) {
		return new FileStart(new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading(), List.of());
	}

	/** A table's header, once it is open. */
	public static FileStart ofColumns(List<String> columns) {
		return new FileStart("", columns);
	}

	/**
	 * Whether the file is Parquet or JSON (its first bytes {@code PAR1}, <code>{</code>
	 * or {@code [}), which no text format's first line can be.
	 */
	public boolean structured() {
		return this.text.startsWith("PAR1") || this.text.startsWith("{") || this.text.startsWith("[");
	}

	/** The first line of a text file; empty for a {@link #structured()} one. */
	public String firstLine() {
		return structured() ? "" : this.text.lines().findFirst().orElse("");
	}

}
