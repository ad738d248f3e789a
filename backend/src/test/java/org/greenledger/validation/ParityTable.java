package org.greenledger.validation;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The peer tables of docs/validation.md: one row per peer figure, written as
 * {@code | `id` | inputs | GreenLedger | peer | difference | status |}, with figures to
 * four significant digits and differences to one decimal of a percent.
 */
final class ParityTable {

	static final String HEADER = "| case | inputs | GreenLedger | peer | difference | status |\n"
			+ "|---|---|---|---|---|---|\n";

	private ParityTable() {
	}

	/** The row GreenLedger's current figure gives. */
	static String row(PeerFigure figure, double greenLedger) {
		return "| `" + figure.id() + "` | " + describe(figure.inputs()) + " | " + number(greenLedger) + " | "
				+ number(figure.peerValue()) + " | " + difference(greenLedger, figure.peerValue()) + " | "
				+ status(figure) + " |";
	}

	static final String SUMMARY_HEADER = "| figures | count | within 10 % | explained | largest difference |\n"
			+ "|---|---|---|---|---|\n";

	/**
	 * The summary row of a section: how many figures, how many within 10 % and explained,
	 * and the largest difference.
	 */
	static String summary(String title, List<PeerFigure> figures, Map<String, Double> greenLedger) {
		PeerFigure largest = figures.get(0);
		int within = 0;
		for (PeerFigure figure : figures) {
			if (figure.status().equals("within")) {
				within++;
			}
			if (Math.abs(relative(figure, greenLedger)) > Math.abs(relative(largest, greenLedger))) {
				largest = figure;
			}
		}
		return "| " + title + " | " + figures.size() + " | " + within + " | " + (figures.size() - within) + " | "
				+ difference(greenLedger.get(largest.id()), largest.peerValue()) + " (`" + largest.id() + "`) |";
	}

	private static double relative(PeerFigure figure, Map<String, Double> greenLedger) {
		return (greenLedger.get(figure.id()) - figure.peerValue()) / figure.peerValue();
	}

	static String number(double value) {
		if (value == 0) {
			return "0";
		}
		return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
	}

	static String difference(double greenLedger, double peer) {
		return String.format(Locale.ROOT, "%+.1f %%", 100 * (greenLedger - peer) / peer);
	}

	static String status(PeerFigure figure) {
		return figure.status().equals("explained") ? "explained: **" + figure.explanation() + "**" : figure.status();
	}

	private static String describe(CaseInputs inputs) {
		if (inputs.has("instance")) {
			return "1 h of " + inputs.text("instance") + " in " + inputs.text("region") + " ("
					+ (int) inputs.number("year") + " factors)";
		}
		return String.join("; ",
				inputs.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
	}

	/**
	 * The rows of the document's peer tables by case id (first cell, without backticks).
	 */
	static Map<String, List<String>> rowsOf(Path document) throws IOException {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(document)) {
			if (line.startsWith("| `")) {
				List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|", -1))
					.stream()
					.map(String::strip)
					.toList();
				rows.put(cells.get(0).replace("`", ""), cells);
			}
		}
		return rows;
	}

	/**
	 * docs/validation.md, found from the working directory (the module or the project).
	 */
	static Path document() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			Path doc = dir.resolve("docs/validation.md");
			if (Files.isRegularFile(doc)) {
				return doc;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("docs/validation.md not found above " + Path.of("").toAbsolutePath());
	}

}
