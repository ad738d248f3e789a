package org.greenledger.core.nvidiasmi;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Cells of an nvidia-smi CSV: power units, label values, blanks and GPU keys. */
final class NvidiaSmiCells {

	private NvidiaSmiCells() {
	}

	/** Watts per unit for W, mW and kW; NaN for anything else. */
	static double factor(String text, int from, int to) {
		int length = to - from;
		if (length == 1 && text.charAt(from) == 'W') {
			return 1;
		}
		if (length == 2 && text.charAt(from + 1) == 'W') {
			char prefix = text.charAt(from);
			if (prefix == 'm') {
				return 1e-3;
			}
			if (prefix == 'k') {
				return 1e3;
			}
		}
		return Double.NaN;
	}

	/**
	 * A cheap hash of a key: its length and its last characters (the match is checked).
	 */
	static int hash(String text, int from, int to) {
		int hash = to - from;
		for (int i = Math.max(from, to - 4); i < to; i++) {
			hash = 31 * hash + text.charAt(i);
		}
		return hash;
	}

	static void put(Map<String, String> labels, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			labels.put(key, value.strip());
		}
	}

	/** A cell's text as a label value: null when empty or a bracketed word like [N/A]. */
	static @Nullable String label(@Nullable String cell) {
		if (cell == null) {
			return null;
		}
		String value = cell.strip();
		return (value.isEmpty() || value.startsWith("[")) ? null : value;
	}

	static boolean blank(CsvLine line, int field) {
		int from = line.start(field);
		int to = line.end(field);
		return from >= to || line.text().charAt(from) == '[';
	}

}
