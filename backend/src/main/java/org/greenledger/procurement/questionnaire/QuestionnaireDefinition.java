package org.greenledger.procurement.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import org.greenledger.procurement.SupplierType;

/**
 * A version of the questionnaire: for each supplier type the ordered list of questions.
 * The questions are data, kept in {@code classpath:procurement/<version>.csv} (one row
 * per question, one column per supplier type saying {@code required}, {@code optional} or
 * empty for "not asked"). A published version is never edited; changed questions make a
 * new version.
 */
public final class QuestionnaireDefinition {

	/** The current questionnaire version. */
	public static final String V1 = "questionnaire-v1";

	private static final QuestionnaireDefinition CURRENT = load(V1);

	private final String version;

	private final Map<SupplierType, List<Question>> questions;

	private QuestionnaireDefinition(String version, Map<SupplierType, List<Question>> questions) {
		this.version = version;
		this.questions = questions;
	}

	/** The current version, {@value #V1}. */
	public static QuestionnaireDefinition current() {
		return CURRENT;
	}

	/** The version's name, e.g. {@code questionnaire-v1}, written into every template. */
	public String version() {
		return this.version;
	}

	/** The questions a supplier of the given type answers, in the template's order. */
	public List<Question> questions(SupplierType type) {
		return this.questions.get(type);
	}

	/** One question of a supplier type by its id. */
	public Optional<Question> question(SupplierType type, String id) {
		return questions(type).stream().filter(question -> question.id().equals(id)).findFirst();
	}

	static QuestionnaireDefinition load(String version) {
		String resource = "procurement/" + version + ".csv";
		try (InputStream in = QuestionnaireDefinition.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No questionnaire definition " + resource + " on the classpath");
			}
			return parse(version, resource, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(resource + ": cannot be read", ex);
		}
	}

	static QuestionnaireDefinition parse(String version, String name, InputStream in) throws IOException {
		Map<SupplierType, List<Question>> byType = new EnumMap<>(SupplierType.class);
		Arrays.stream(SupplierType.values()).forEach(type -> byType.put(type, new ArrayList<>()));
		Set<String> ids = new HashSet<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, format)) {
			for (CSVRecord row : parser) {
				String where = name + " line " + parser.getCurrentLineNumber();
				String id = row.get("id").strip();
				if (!id.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+") || !ids.add(id)) {
					throw new IllegalStateException(where + ": id '" + id + "' is malformed or repeated");
				}
				AnswerType type = AnswerType.valueOf(row.get("type").strip());
				List<String> choices = row.get("choices").isBlank() ? List.of()
						: List.of(row.get("choices").strip().split("\\|"));
				if ((type == AnswerType.CHOICE) == choices.isEmpty()) {
					throw new IllegalStateException(
							where + ": choices are for CHOICE questions only, and required there");
				}
				String min = blankToNull(row.get("min"));
				String max = blankToNull(row.get("max"));
				checkBound(where, type, min);
				checkBound(where, type, max);
				for (SupplierType supplierType : SupplierType.values()) {
					String asked = row.get(supplierType.name()).strip();
					if (asked.isEmpty()) {
						continue;
					}
					if (!asked.equals("required") && !asked.equals("optional")) {
						throw new IllegalStateException(where + ": " + supplierType + " is '" + asked
								+ "', expected required, optional or empty");
					}
					byType.get(supplierType)
						.add(new Question(id, row.get("text").strip(), row.get("unit").strip(), type,
								asked.equals("required"), min, max, choices, row.get("guidance").strip()));
				}
			}
		}
		byType.replaceAll((type, list) -> List.copyOf(list));
		return new QuestionnaireDefinition(version, byType);
	}

	private static void checkBound(String where, AnswerType type, @Nullable String bound) {
		if (bound == null) {
			return;
		}
		try {
			if (type == AnswerType.DATE) {
				LocalDate.parse(bound);
			}
			else {
				new BigDecimal(bound);
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(where + ": bound '" + bound + "' does not fit a " + type + " question", ex);
		}
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}

}
