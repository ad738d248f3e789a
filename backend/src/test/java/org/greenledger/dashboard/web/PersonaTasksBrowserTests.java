package org.greenledger.dashboard.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.greenledger.Browser;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sustainability officer's and the ML engineer's tasks in a real Chromium on real
 * files, walked by clicking from the dashboard (no address typed after signing in), with
 * axe-core on every page: the officer reads a year that holds data (a real AWS CUR of
 * November 2023), sees the months without data as such, opens the coverage, exports the
 * breakdown by provider and finds the page's figures in it, and generates the GHG
 * inventory with the same total; the engineer uploads a real CodeCarbon file, attributes
 * its run with a rule and finds the file's energy and GreenLedger's CO2e of the run on
 * the workload's month, then the SCI per functional unit after recording outputs.
 */
@IntegrationTest
class PersonaTasksBrowserTests {

	private static final String PASSWORD = "persona password 1";

	/** Fetches a link's target as text. */
	private static final String TEXT = """
			const done = arguments[arguments.length - 1];
			fetch(arguments[0]).then(r => r.text()).then(done).catch(e => done('failed: ' + e));""";

	/** Fetches a link's target as Base64. */
	private static final String BYTES = """
			const done = arguments[arguments.length - 1];
			fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
			  const bytes = new Uint8Array(b); let text = '';
			  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
			  done(btoa(text)); }).catch(e => done('failed: ' + e));""";

	/**
	 * The run of the real CodeCarbon file
	 * (fixtures/codecarbon/emissions-gpu-workstation.csv).
	 */
	private static final String RUN = "66e41014-0a9c-4a93-89d8-8b937ae6b6bd";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void theOfficerReadsAYearOfDataExportsItsBreakdownAndFindsTheSameTotalInTheInventory() throws IOException {
		// the real AWS CUR of November 2023 (an upload is not the officer's task here)
		byte[] bill;
		try (InputStream in = getClass()
			.getResourceAsStream("/corpus/billing/aws-cur-legacy/sample-anonymous-aws-export-dataset.csv.gz")) {
			bill = in.readAllBytes();
		}
		new MeasuredUploads(new HttpTestClient(this.port)).upload("sample-anonymous-aws-export-dataset.csv.gz", bill,
				Map.of());

		Browser browser = Browser.on(this.port);
		browser.signIn(user(Role.SUSTAINABILITY_OFFICER), PASSWORD);
		browser.until(d -> browser.path().equals("/") || browser.path().startsWith("/?"));
		Select period = new Select(browser.find(By.id("period")));
		WebElement year = period.getOptions()
			.stream()
			.filter(option -> option.getText().startsWith("2023 ("))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"2023 is not offered: " + period.getOptions().stream().map(WebElement::getText).toList()));
		assertThat(year.getText()).matches("2023 \\(\\d+ months? with data\\)");
		period.selectByVisibleText(year.getText());
		browser.find(By.cssSelector("form.period-form button[type=submit]")).click();
		browser.until(d -> browser.path().contains("period=2023-01"));
		browser.assertAccessible();

		// months without data read "no data", never 0, and are the months no source
		// covers
		Map<String, Boolean> trend = new LinkedHashMap<>();
		double totalKg = 0;
		for (WebElement row : browser.findAll(By.cssSelector("table#trend tbody tr"))) {
			String month = row.findElement(By.cssSelector("th")).getText();
			List<WebElement> cells = row.findElements(By.cssSelector("td.num"));
			boolean data = !cells.isEmpty();
			trend.put(month, data);
			if (data) {
				assertThat(cells.get(cells.size() - 1).getText()).as(month).isNotIn("0", "0.0", "0.00", "0.000");
				totalKg += exact(cells.get(cells.size() - 1).getDomAttribute("title"));
			}
			else {
				assertThat(row.getText()).as(month).isEqualTo(month + " no data");
			}
		}
		assertThat(trend).hasSize(12).containsEntry("2023-11", true).containsValue(false);

		browser.find(By.id("coverage-link")).click();
		browser.until(d -> browser.driver().getCurrentUrl().endsWith("#coverage"));
		List<String> columns = browser.findAll(By.cssSelector("table#coverage-grid thead th"))
			.stream()
			.map(WebElement::getText)
			.toList();
		Map<String, Boolean> covered = new LinkedHashMap<>();
		trend.keySet().forEach(month -> covered.put(month, false));
		boolean aws = false;
		for (WebElement row : browser.findAll(By.cssSelector("table#coverage-grid tbody tr"))) {
			List<WebElement> cells = row.findElements(By.cssSelector("td, th"));
			aws |= cells.get(1).getText().startsWith("aws")
					&& "✓".equals(cells.get(columns.indexOf("2023-11")).getText());
			for (String month : trend.keySet()) {
				if ("✓".equals(cells.get(columns.indexOf(month)).getText())) {
					covered.put(month, true);
				}
			}
		}
		assertThat(aws).as("the AWS bill covers November 2023").isTrue();
		assertThat(covered).as("months with figures are the months a source covers").isEqualTo(trend);

		// the breakdown by provider as CSV and XLSX holds the page's figures
		Map<String, Double> page = new LinkedHashMap<>();
		WebElement providers = browser.find(By.cssSelector("table[data-chart=providerChart]"));
		for (WebElement row : providers.findElements(By.cssSelector("tbody tr"))) {
			page.put(row.findElement(By.cssSelector("th")).getText(),
					exact(row.findElement(By.cssSelector("td.num")).getDomAttribute("title")));
		}
		assertThat(page).containsKey("aws");
		WebElement exports = providers
			.findElement(By.xpath("./ancestor::div[@class='breakdown']//p[@class='exports']"));
		String csv = (String) browser.asyncScript(TEXT,
				exports.findElement(By.linkText("CSV")).getDomAttribute("href"));
		List<List<String>> rows = csv.lines().map(PersonaTasksBrowserTests::cells).toList();
		int key = rows.get(0).indexOf("provider");
		int kg = rows.get(0).indexOf("CO2e, location-based operational + embodied (kg CO2e)");
		Map<String, Double> exported = new LinkedHashMap<>();
		rows.stream().skip(1).forEach(cells -> exported.put(cells.get(key), Double.parseDouble(cells.get(kg))));
		assertThat(exported.keySet()).isEqualTo(page.keySet());
		page.forEach((provider, value) -> assertThat(exported.get(provider)).as(provider)
			.isCloseTo(value, within(1e-9 * Math.max(1, Math.abs(value)))));
		byte[] xlsx = Base64.getDecoder()
			.decode((String) browser.asyncScript(BYTES,
					exports.findElement(By.linkText("XLSX")).getDomAttribute("href")));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Map<String, Double> sheet = providers(workbook.getSheetAt(0));
			assertThat(sheet.keySet()).isEqualTo(page.keySet());
			page.forEach((provider, value) -> assertThat(sheet.get(provider)).as(provider)
				.isCloseTo(value, within(1e-9 * Math.max(1, Math.abs(value)))));
		}

		// the GHG inventory of the year has the dashboard's total
		browser.find(By.linkText("Reports")).click();
		browser.until(d -> browser.path().startsWith("/reports"));
		browser.assertAccessible();
		new Select(browser.find(By.id("type"))).selectByValue("GHG_INVENTORY");
		browser.script("document.getElementById('from').value = '2023-01-01';"
				+ "document.getElementById('to').value = '2023-12-31';");
		browser.find(By.xpath("//button[normalize-space()='Generate report']")).click();
		browser.until(d -> browser.path().matches("/reports/[0-9a-f-]{36}"));
		browser.assertAccessible();
		// the HTML rendering is a download: read as the browser receives it
		String html = (String) browser.asyncScript(TEXT, browser.find(By.linkText("HTML")).getDomAttribute("href"));
		Matcher value = Pattern.compile("<div>Total, location-based</div>\\s*<div class=\"value\">([^<]*)</div>")
			.matcher(html);
		assertThat(value.find()).as("the inventory's total, location-based").isTrue();
		String total = value.group(1);
		Matcher figure = Pattern.compile("([\\d,]+(?:\\.(\\d+))?) t CO2e").matcher(total);
		assertThat(figure.find()).as(total).isTrue();
		double tonnes = Double.parseDouble(figure.group(1).replace(",", ""));
		int decimals = (figure.group(2) != null) ? figure.group(2).length() : 0;
		assertThat(tonnes * 1000).as("the inventory's total against the dashboard's " + totalKg + " kg")
			.isCloseTo(totalKg, within(0.5 * Math.pow(10, -decimals) * 1000 + 1e-9));
	}

	@Test
	void theEngineerAttributesARealCodeCarbonRunAndReadsItsEnergyCo2eAndSci() {
		Path file = Path.of("src/test/resources/fixtures/codecarbon/emissions-gpu-workstation.csv").toAbsolutePath();
		assertThat(file).exists();
		Browser browser = Browser.on(this.port);
		browser.signIn(user(Role.SUSTAINABILITY_OFFICER), PASSWORD);
		browser.find(By.linkText("Data sources")).click();
		browser.until(d -> browser.path().startsWith("/data-sources"));
		browser.find(By.id("file")).sendKeys(file.toString());
		browser.find(By.cssSelector("form[data-upload] button[type=submit]")).click();
		String outcome = browser
			.until(d -> d.findElement(By.cssSelector("[data-progress]")).getDomAttribute("data-outcome"));
		assertThat(outcome).isEqualTo("COMPLETED");
		browser.find(By.cssSelector("[data-outcome-link]")).click();
		browser.until(d -> browser.path().matches("/data-sources/[0-9a-f-]{36}"));
		// the same file uploaded before (by another task) is answered with the
		// earlier job
		List<WebElement> original = browser
			.findAll(By.xpath("//a[normalize-space()='" + "See the original upload" + "']"));
		if (!original.isEmpty()) {
			original.get(0).click();
			browser.until(d -> !d.findElements(By.xpath("//caption[starts-with(normalize-space(), 'Totals as read')]"))
				.isEmpty());
		}
		browser.assertAccessible();
		double fileKwh = measured(browser, "Energy read (kWh)");
		double recalculatedKg = measured(browser, "CO2e of the runs recalculated by GreenLedger, location-based (kg)");
		assertThat(measured(browser, "CodeCarbon runs")).isEqualTo(1);
		// the file's own sum: energy_consumed of its one run
		assertThat(fileKwh).isCloseTo(0.006970, within(0.0000005));

		browser.find(By.linkText("AI workloads")).click();
		browser.until(d -> browser.path().startsWith("/workloads"));
		browser.assertAccessible();
		String name = "Workstation trainer " + UUID.randomUUID().toString().substring(0, 8);
		browser.find(By.id("name")).sendKeys(name);
		browser.find(By.xpath("//button[normalize-space()='Register workload']")).click();
		browser.until(d -> browser.path().matches("/workloads/[0-9a-f-]{36}.*"));
		assertThat(browser.find(By.tagName("main")).getText()).contains("Nothing attributed");
		new Select(browser.find(By.id("phase"))).selectByValue("TRAINING");
		new Select(browser.find(By.id("source"))).selectByValue("MEASURED");
		browser.find(By.id("key")).sendKeys("run");
		browser.find(By.id("value")).sendKeys(RUN);
		browser.find(By.xpath("//button[normalize-space()='Add rule']")).click();
		browser.until(d -> d.findElement(By.tagName("main")).getText().contains("run = " + RUN));
		String main = browser.find(By.tagName("main")).getText();
		assertThat(main).doesNotContain("Nothing attributed").contains("Footprint 2022-12-01 to 2023-11-30");
		browser.assertAccessible();

		// November 2023 holds the run: the file's energy and GreenLedger's CO2e of it
		WebElement phases = browser.find(By.xpath("//table[caption[normalize-space()='Totals per phase']]"));
		List<WebElement> training = phases.findElements(By.cssSelector("tbody tr"))
			.stream()
			.filter(row -> row.findElement(By.cssSelector("th")).getText().toLowerCase().contains("training"))
			.toList();
		assertThat(training).hasSize(1);
		List<WebElement> cells = training.get(0).findElements(By.cssSelector("td.num"));
		// CodeCarbon's energy already includes the machine's PUE: it is the
		// facility's energy
		assertThat(exact(cells.get(1).getDomAttribute("title"))).as("facility energy (kWh)")
			.isCloseTo(fileKwh, within(0.0000005));
		double locationKg = exact(cells.get(2).getDomAttribute("title"));
		double embodiedKg = exact(cells.get(4).getDomAttribute("title"));
		assertThat(locationKg).as("CO2e location-based (kg)").isCloseTo(recalculatedKg, within(0.0000005));
		WebElement november = browser.find(By.xpath("//table[@data-chart='phaseChart']/tbody/tr[th='2023-11']"));
		assertThat(november.findElements(By.cssSelector("td.num[title]"))
			.stream()
			.mapToDouble(cell -> exact(cell.getDomAttribute("title")))
			.sum()).as("November's CO2e (location-based + embodied, kg)")
			.isCloseTo(locationKg + embodiedKg, within(1e-9));
		assertThat(browser.find(By.xpath("//table[@data-chart='phaseChart']/tbody/tr[th='2023-10']")).getText())
			.isEqualTo("2023-10 no data");

		// outputs of the month give the SCI per functional unit
		browser.script("document.getElementById('outStart').value = '2023-11-01';"
				+ "document.getElementById('outEnd').value = '2023-11-30';");
		new Select(browser.find(By.id("unit"))).selectByValue("INFERENCES");
		browser.find(By.id("quantity")).sendKeys("250");
		browser.find(By.xpath("//button[normalize-space()='Record outputs']")).click();
		browser.until(d -> !d.findElements(By.xpath("//table[caption[normalize-space()='SCI per functional unit']]"))
			.isEmpty());
		WebElement sci = browser
			.find(By.xpath("//table[caption[normalize-space()='SCI per functional unit']]/tbody/tr"));
		List<WebElement> sciCells = sci.findElements(By.cssSelector("td"));
		assertThat(sciCells.get(0).getText()).isEqualTo("INFERENCES");
		assertThat(sciCells.get(1).getText()).isEqualTo("250");
		double grams = Double.parseDouble(sciCells.get(3).getText().replace(",", ""));
		double perThousand = Double.parseDouble(sciCells.get(4).getText().replace(",", ""));
		assertThat(grams).as("g CO2e of the month").isCloseTo((locationKg + embodiedKg) * 1000, within(0.05));
		assertThat(perThousand).as("g CO2e per 1,000 inferences")
			.isCloseTo((locationKg + embodiedKg) * 1000 / 250 * 1000, within(0.001));
		browser.assertAccessible();
	}

	/** A figure of the job's "Totals as read" table. */
	private static double measured(Browser browser, String label) {
		return Double.parseDouble(browser.find(By
			.xpath("//table[caption[starts-with(normalize-space(), 'Totals as read')]]/tbody/tr[th[normalize-space()='"
					+ label + "']]/td"))
			.getText()
			.replace(",", ""));
	}

	/** The full value of a cell's tooltip ("1,234.5678 kg"). */
	private static double exact(String title) {
		return Double.parseDouble(title.substring(0, title.indexOf(' ')).replace(",", ""));
	}

	/** The provider rows of an exported sheet: key and kg. */
	private static Map<String, Double> providers(Sheet sheet) {
		Map<String, Double> values = new LinkedHashMap<>();
		int key = -1;
		int kg = -1;
		for (Row row : sheet) {
			if (key < 0) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("provider")) {
						key = cell.getColumnIndex();
					}
					if (cell.getCellType() == CellType.STRING && cell.getStringCellValue()
						.equals("CO2e, location-based operational + embodied (kg CO2e)")) {
						kg = cell.getColumnIndex();
					}
				}
				continue;
			}
			if (row.getCell(key) != null && row.getCell(kg) != null
					&& row.getCell(kg).getCellType() == CellType.NUMERIC) {
				values.put(row.getCell(key).getStringCellValue(), row.getCell(kg).getNumericCellValue());
			}
		}
		return values;
	}

	/** The cells of a CSV line (quoted cells may hold commas and doubled quotes). */
	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				cell.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

	private String user(Role role) {
		String name = "persona-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(name, PASSWORD, Set.of(role));
		return name;
	}

}
