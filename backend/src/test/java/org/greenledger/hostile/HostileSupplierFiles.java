package org.greenledger.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.greenledger.procurement.SupplierType;
import org.greenledger.procurement.questionnaire.QuestionnaireFixtures;

/**
 * Generates the hostile supplier files of the corpus: PACT documents (from the real
 * layout of a v2 footprint) and Excel questionnaires (from the platform's own filled
 * template) broken in the ways an attacker or a broken tool would, each with the answer
 * it must get.
 */
final class HostileSupplierFiles {

	/**
	 * @param name the case
	 * @param kind {@code pact} or {@code questionnaire}
	 * @param content the bytes sent
	 * @param status the expected HTTP status
	 * @param message a regular expression the answer must contain
	 */
	record Case(String name, String kind, byte[] content, int status, String message) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private HostileSupplierFiles() {
	}

	static List<Case> corpus() {
		List<Case> cases = new ArrayList<>();
		pact(cases);
		questionnaires(cases);
		return cases;
	}

	private static void pact(List<Case> cases) {
		String json = read("pact/v2-single.json");
		cases.add(pact("a key twice", json.replaceFirst("\\{", "{\"companyName\": \"x\","), "twice"));
		cases.add(pact("a NaN", json.replace("\"exemptedEmissionsPercent\": 1.5", "\"exemptedEmissionsPercent\": NaN"),
				"NaN and Infinity are not JSON numbers"));
		cases.add(pact("a number of 1e400",
				json.replace("\"exemptedEmissionsPercent\": 1.5", "\"exemptedEmissionsPercent\": 1e400"),
				"exemptedEmissionsPercent"));
		cases.add(pact("a footprint of 1e400",
				json.replace("\"pCfExcludingBiogenic\": \"42.75\"", "\"pCfExcludingBiogenic\": \"1e400\""),
				"pCfExcludingBiogenic"));
		cases.add(pact("nested 100 deep", json.replaceFirst("\\{", "{\"x\":" + "[".repeat(100) + "]".repeat(100) + ","),
				"nested more than"));
		cases.add(pact("truncated", json.substring(0, json.length() / 2), "ends before it is complete"));
		cases.add(pact("a second document after the first", json + "{}", "more after the end"));
		cases.add(pact("a NUL escape in a string",
				json.replace("\"Example Server Works GmbH\"", "\"Example\\u0000Works\""),
				"(?s)\\$\\.companyName.*NUL character"));
		cases.add(pact("a raw control character in a string",
				json.replace("\"Example Server Works GmbH\"", "\"Example\u0001Works\""), "control character"));
		cases.add(pact("a number of 200 digits",
				json.replace("\"exemptedEmissionsPercent\": 1.5", "\"exemptedEmissionsPercent\": " + "9".repeat(200)),
				"longer than 100 digits"));
		cases.add(pact("a validity starting in year 0000",
				json.replace("\"validityPeriodStart\": \"2024", "\"validityPeriodStart\": \"0000"), "validityPeriod"));
		cases.add(pact("a string of 200,000 characters",
				json.replace("\"Example Server Works GmbH\"", "\"" + "x".repeat(200_000) + "\""), "longer than"));
		cases.add(new Case("PACT: empty", "pact", new byte[0], 400, "missing or cannot be read"));
		byte[] invalid = HostileFiles.utf8(json.replace("Example Server", "Example\u00e9Server"));
		for (int i = 0; i < invalid.length - 1; i++) {
			if ((invalid[i] & 0xff) == 0xC3) {
				invalid[i + 1] = '(';
				break;
			}
		}
		cases.add(new Case("PACT: bytes that are not UTF-8", "pact", invalid, 422, "not UTF-8"));
		cases.add(new Case("PACT: binary noise", "pact", noise(5), 422, "not valid JSON"));
	}

	private static void questionnaires(List<Case> cases) {
		byte[] filled = QuestionnaireFixtures.filled(SupplierType.CLOUD_PROVIDER, workbook -> {
		});
		String unreadable = "cannot be read as an Excel workbook";
		cases.add(questionnaire("binary noise", noise(9), unreadable + "|not an Excel|not a zip|workbook"));
		cases.add(questionnaire("truncated", java.util.Arrays.copyOf(filled, filled.length / 2),
				unreadable + "|damaged|workbook"));
		cases.add(questionnaire("a DOCTYPE in the workbook part", rezip(filled, "xl/workbook.xml",
				xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE workbook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")),
				"document type declaration|DOCTYPE|DTD"));
		cases.add(questionnaire("a sheet that unzips to 200 MB", addEntry(filled, "xl/media/big.bin", 200 << 20),
				"zip bomb|expands|too large|larger"));
		cases.add(new Case("questionnaire: empty", "questionnaire", new byte[0], 400, "missing or cannot be read"));
		cases.add(questionnaire("a PACT document instead", HostileFiles.utf8(read("pact/v2-single.json")),
				unreadable + "|not an Excel|workbook"));
		for (String[] answer : new String[][] { { "1e400", "facility.pue" }, { "NaN", "facility.pue" },
				{ "-Infinity", "facility.pue" }, { "a\u0000b", "facility.pue" } }) {
			int row = QuestionnaireFixtures.excelRow(SupplierType.CLOUD_PROVIDER, answer[1]);
			String cell = QuestionnaireFixtures.answerCell(SupplierType.CLOUD_PROVIDER, answer[1]);
			byte[] bad = QuestionnaireFixtures.filled(SupplierType.CLOUD_PROVIDER,
					workbook -> workbook.getSheet("Answers").getRow(row - 1).getCell(4).setCellValue(answer[0]));
			cases.add(questionnaire("an answer of " + answer[0].replace("\u0000", "NUL"), bad, cell));
		}
	}

	private static Case pact(String what, String json, String message) {
		return new Case("PACT: " + what, "pact", HostileFiles.utf8(json), 422, message);
	}

	private static Case questionnaire(String what, byte[] content, String message) {
		return new Case("questionnaire: " + what, "questionnaire", content, 422, message);
	}

	/** The workbook with one part's XML changed. */
	private static byte[] rezip(byte[] xlsx, String part, UnaryOperator<String> change) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] bytes = in.readAllBytes();
				if (entry.getName().equals(part)) {
					bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(bytes);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The workbook with an extra part of zeros added (a zip bomb). */
	private static byte[] addEntry(byte[] xlsx, String name, int size) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(in.readAllBytes());
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry(name));
			byte[] block = new byte[1 << 16];
			for (int written = 0; written < size; written += block.length) {
				zip.write(block);
			}
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] noise(int seed) {
		byte[] bytes = new byte[2048];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static String read(String fixture) {
		try {
			return Files.readString(Path.of("src/test/resources/fixtures").resolve(fixture));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
