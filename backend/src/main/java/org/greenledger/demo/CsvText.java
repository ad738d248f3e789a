package org.greenledger.demo;

import java.nio.charset.StandardCharsets;

/** A CSV file being written: rows of cells, quoted where RFC 4180 needs it. */
final class CsvText {

	private final StringBuilder text = new StringBuilder();

	CsvText(String header) {
		this.text.append(header).append('\n');
	}

	CsvText row(Object... cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				this.text.append(',');
			}
			String cell = String.valueOf(cells[i]);
			if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0) {
				this.text.append('"').append(cell.replace("\"", "\"\"")).append('"');
			}
			else {
				this.text.append(cell);
			}
		}
		this.text.append('\n');
		return this;
	}

	byte[] bytes() {
		return this.text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
