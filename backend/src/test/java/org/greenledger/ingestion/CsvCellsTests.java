package org.greenledger.ingestion;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTests {

	@Test
	void cellsASpreadsheetWouldRunAsFormulasGetALeadingApostrophe() {
		assertThat(List.of("=1+2", "+1", "-1.50", "@SUM(A1)", "\tx", "\rx").stream().map(CsvCells::neutralised))
			.containsExactly("'=1+2", "'+1", "'-1.50", "'@SUM(A1)", "'\tx", "'\rx");
		assertThat(List.of("", "1.50", "a=b", " =x", "'already").stream().map(CsvCells::neutralised))
			.containsExactly("", "1.50", "a=b", " =x", "'already");
	}

	@Test
	void linesAreQuotedAsRfc4180AsksWithCrlf() throws IOException {
		StringWriter out = new StringWriter();
		CsvCells.line(out, List.of("plain", "a,b", "say \"hi\"", "two\nlines", "=cmd|' /C calc'!A0"));
		assertThat(out).hasToString("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=cmd|' /C calc'!A0\r\n");
	}

}
