package org.greenledger.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The demo colocation operator's answers, typed into the questionnaire the portal hands
 * out for it (sheet "Answers": question id in column A, the answer in column E), as a
 * supplier would return it.
 */
final class DemoQuestionnaire {

	private static final Map<String, String> ANSWERS = Map.ofEntries(Map.entry("reporting.data_as_of", "2025-12-31"),
			Map.entry("contact.name", "Demo Contact"), Map.entry("contact.email", "sustainability@example.com"),
			Map.entry("grid.location_intensity", "268"), Map.entry("grid.market_intensity", "210"),
			Map.entry("energy.renewable_share", "35"), Map.entry("facility.pue", "1.38"),
			Map.entry("water.wue", "0.42"), Map.entry("water.site_stress", "low"),
			Map.entry("facility.heat_reuse", "yes"), Map.entry("embodied.pcf_available", "no"),
			Map.entry("hardware.lifetime", "5"), Map.entry("targets.science_based", "committed"),
			Map.entry("targets.base_year", "2022"), Map.entry("targets.reduction_vs_base_year", "12"),
			Map.entry("assurance.level", "limited"), Map.entry("disclosure.cdp_climate_score", "B"));

	private DemoQuestionnaire() {
	}

	static byte[] answered(byte[] template) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheet("Answers");
			for (Row row : sheet) {
				Cell id = row.getCell(0);
				String answer = (id != null) ? ANSWERS.get(id.toString().strip()) : null;
				if (answer != null) {
					Cell cell = row.getCell(4);
					(cell != null ? cell : row.createCell(4)).setCellValue(answer);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not fill the demo questionnaire: " + ex.getMessage(), ex);
		}
	}

}
