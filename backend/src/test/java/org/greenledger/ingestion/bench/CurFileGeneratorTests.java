package org.greenledger.ingestion.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.greenledger.core.awscur.CurReader;
import org.greenledger.core.billing.CollectedRows;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.Table;

import static org.assertj.core.api.Assertions.assertThat;

class CurFileGeneratorTests {

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void generatedReportsAreReadWithoutARejectedRowAndAreReproducible(boolean cur2) throws IOException {
		String first = generate(3000, 7, cur2);
		assertThat(generate(3000, 7, cur2)).isEqualTo(first);

		CollectedRows rows = new CollectedRows();
		try (Table table = CsvTable.open(new StringReader(first))) {
			assertThat(CurReader.read("generated.csv", table, rows)).isEqualTo(cur2 ? "AWS CUR 2.0" : "AWS CUR");
		}
		assertThat(rows.errors).isEmpty();
		assertThat(rows.accepted).hasSize(3000);
		assertThat(rows.accepted).extracting(record -> record.chargeCategory())
			.contains("Usage", "Adjustment", "Tax", "Credit");
		assertThat(rows.accepted.stream().filter(record -> !record.tags().isEmpty()).count()).isGreaterThan(2800);
		assertThat(rows.accepted.stream().filter(record -> "us-west-2".equals(record.regionId())).count())
			.isGreaterThan(500);
	}

	private static String generate(long rows, long seed, boolean cur2) throws IOException {
		StringWriter out = new StringWriter();
		CurFileGenerator.write(rows, seed, cur2, out);
		return out.toString();
	}

}
