package org.greenledger.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GreenLedger beside Cloud Carbon Footprint, Boavizta and CodeCarbon for the same inputs
 * (docs/validation.md, "Peer parity"). Every peer figure of
 * {@code validation/peer-figures.csv} is computed by the footprint engine with the
 * shipped factor library and instance catalog; each is within 10 % or its difference is
 * explained in the document, and the document's table shows what the engine computes now.
 * The tables as they should read are written to
 * {@code target/validation/peer-parity-tables.md}.
 */
class PeerParityTests {

	private static final double TOLERANCE = 0.10;

	private static final List<PeerFigure> FIGURES = PeerFigure.load();

	private static final Map<String, Double> COMPUTED = new LinkedHashMap<>();

	@BeforeAll
	static void computeAndWriteTheTables() throws IOException {
		Map<PeerFigure.Section, StringBuilder> tables = new EnumMap<>(PeerFigure.Section.class);
		for (PeerFigure figure : FIGURES) {
			double greenLedger = GreenLedgerFigures.compute(figure.metric(), figure.inputs());
			COMPUTED.put(figure.id(), greenLedger);
			tables.computeIfAbsent(figure.section(), section -> new StringBuilder(ParityTable.HEADER))
				.append(ParityTable.row(figure, greenLedger))
				.append('\n');
		}
		StringBuilder out = new StringBuilder("### Summary\n\n").append(ParityTable.SUMMARY_HEADER);
		summaryRows().forEach(row -> out.append(row).append('\n'));
		out.append('\n');
		tables.forEach((section,
				table) -> out.append("### ").append(section.title()).append("\n\n").append(table).append('\n'));
		Path target = Path.of("target", "validation");
		Files.createDirectories(target);
		Files.writeString(target.resolve("peer-parity-tables.md"), out);
	}

	private static List<String> summaryRows() {
		List<String> rows = new ArrayList<>();
		for (PeerFigure.Section section : PeerFigure.Section.values()) {
			for (String peer : List.of("CCF", "Boavizta", "CodeCarbon")) {
				List<PeerFigure> figures = FIGURES.stream()
					.filter(figure -> figure.section() == section && figure.peer().equals(peer))
					.toList();
				if (!figures.isEmpty()) {
					rows.add(ParityTable.summary(section.title() + " (" + peer + ")", figures, COMPUTED));
				}
			}
		}
		rows.add(ParityTable.summary("all", FIGURES, COMPUTED));
		return rows;
	}

	@Test
	void theSummaryCountsWhatTheTablesShow() throws IOException {
		List<String> lines = Files.readAllLines(ParityTable.document());
		assertThat(summaryRows())
			.allSatisfy(row -> assertThat(lines).as("summary row in docs/validation.md").contains(row));
	}

	@Test
	void theReferenceFileCoversTheCasesTheIssueAsksFor() {
		Set<String> ids = new HashSet<>();
		FIGURES.forEach(figure -> assertThat(ids.add(figure.id())).as("duplicate id %s", figure.id()).isTrue());
		List<String> instances = FIGURES.stream()
			.filter(figure -> figure.inputs().has("instance"))
			.map(figure -> figure.inputs().text("instance"))
			.distinct()
			.toList();
		assertThat(instances).hasSizeGreaterThanOrEqualTo(20);
		for (String provider : List.of("aws/", "gcp/", "azure/")) {
			assertThat(instances).as("CPU instance types of %s", provider)
				.anyMatch(name -> name.startsWith(provider) && !GreenLedgerFigures.hasAccelerators(name));
			assertThat(instances).as("GPU instance types of %s", provider)
				.anyMatch(name -> name.startsWith(provider) && GreenLedgerFigures.hasAccelerators(name));
		}
		assertThat(FIGURES).extracting(PeerFigure::peer).contains("CCF", "Boavizta", "CodeCarbon");
		for (PeerFigure figure : FIGURES) {
			assertThat(figure.source()).as("source of %s", figure.id()).contains(" @ ");
			assertThat(figure.licence()).as("licence of %s", figure.id()).isNotBlank();
		}
	}

	@Test
	void everyFigureIsWithinTenPercentOrItsDifferenceIsExplained() throws IOException {
		String document = Files.readString(ParityTable.document());
		List<String> problems = new ArrayList<>();
		for (PeerFigure figure : FIGURES) {
			double greenLedger = COMPUTED.get(figure.id());
			double difference = Math.abs(greenLedger - figure.peerValue()) / figure.peerValue();
			boolean within = difference <= TOLERANCE;
			if (within && !figure.status().equals("within")) {
				problems.add(figure.id() + " is within 10 % now ("
						+ ParityTable.difference(greenLedger, figure.peerValue()) + "): mark it 'within'");
			}
			if (!within && !figure.status().equals("explained")) {
				problems.add(figure.id() + " differs by " + ParityTable.difference(greenLedger, figure.peerValue())
						+ " and is not marked 'explained'");
			}
			if (!within && (figure.explanation().isBlank() || !document.contains("**" + figure.explanation() + "**"))) {
				problems.add(figure.id() + ": explanation '" + figure.explanation()
						+ "' is not in docs/validation.md as **" + figure.explanation() + "**");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theDocumentShowsWhatTheEngineComputesNow() throws IOException {
		Map<String, List<String>> rows = ParityTable.rowsOf(ParityTable.document());
		List<String> problems = new ArrayList<>();
		for (PeerFigure figure : FIGURES) {
			double greenLedger = COMPUTED.get(figure.id());
			List<String> cells = rows.get(figure.id());
			if (cells == null) {
				problems.add(figure.id() + " has no row in docs/validation.md");
				continue;
			}
			String expected = ParityTable.row(figure, greenLedger);
			String actual = "| " + String.join(" | ", cells) + " |";
			if (!expected.equals(actual)) {
				problems.add("docs/validation.md row of " + figure.id() + "\n  is:        " + actual + "\n  should be: "
						+ expected);
			}
		}
		assertThat(problems).as("rows to update (all tables: backend/target/validation/peer-parity-tables.md)")
			.isEmpty();
	}

}
