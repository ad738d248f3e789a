package org.greenledger.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV cells of the audit export: quoted, and never a formula. */
class AuditCsvTests {

	@Test
	void cellsAreQuotedWithTheirQuotesDoubled() {
		assertThat(AuditCsv.cell("plain")).isEqualTo("\"plain\"");
		assertThat(AuditCsv.cell("say \"hi\", then go")).isEqualTo("\"say \"\"hi\"\", then go\"");
		assertThat(AuditCsv.cell("")).isEqualTo("\"\"");
	}

	@Test
	void whatASpreadsheetWouldTakeForAFormulaStartsWithAnApostrophe() {
		assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(AuditCsv.cell("+1")).isEqualTo("\"'+1\"");
		assertThat(AuditCsv.cell("-1+2")).isEqualTo("\"'-1+2\"");
		assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(AuditCsv.cell("\tcmd")).isEqualTo("\"'\tcmd\"");
		assertThat(AuditCsv.cell("a=b")).isEqualTo("\"a=b\"");
	}

}
