package org.greenledger.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One peer figure of {@code validation/peer-figures.csv}: a peer's published result for
 * stated inputs, with its source and licence, and whether GreenLedger is within 10 % of
 * it or the difference is explained in docs/validation.md.
 *
 * @param id unique case id, also the first cell of its row in docs/validation.md
 * @param peer CCF, Boavizta or CodeCarbon
 * @param metric which figure
 * @param unit unit of the figure
 * @param peerValue the peer's figure
 * @param inputs the inputs, as GreenLedger is given them
 * @param status {@code within} or {@code explained}
 * @param explanation key of the explanation in docs/validation.md (explained rows)
 * @param source repository, commit, file and test or field the figure comes from
 * @param licence licence of the source
 */
record PeerFigure(String id, String peer, Metric metric, String unit, double peerValue, CaseInputs inputs,
		String status, String explanation, String source, String licence) {

	static final String RESOURCE = "validation/peer-figures.csv";

	static List<PeerFigure> load() {
		try (InputStream in = PeerFigure.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the test class path");
			}
			List<PeerFigure> figures = new ArrayList<>();
			try (CSVParser parser = CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				for (CSVRecord record : parser) {
					figures
						.add(new PeerFigure(record.get("id"), record.get("peer"), Metric.valueOf(record.get("metric")),
								record.get("unit"), Double.parseDouble(record.get("peer_value")),
								CaseInputs.parse(record.get("inputs")), record.get("status"), record.get("explanation"),
								record.get("source"), record.get("licence")));
				}
			}
			return List.copyOf(figures);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + RESOURCE + ": " + ex.getMessage(), ex);
		}
	}

	/** The section of docs/validation.md whose table lists this figure. */
	Section section() {
		if (this.peer.equals("CodeCarbon")) {
			return Section.CODECARBON;
		}
		if (!this.inputs.has("instance")) {
			return Section.CCF_UNIT_TESTS;
		}
		return (this.metric == Metric.EMBODIED_KG) ? Section.INSTANCE_EMBODIED : Section.INSTANCE_ENERGY;
	}

	/** The tables of docs/validation.md, in order. */
	enum Section {

		CCF_UNIT_TESTS("CCF estimator unit tests"), INSTANCE_ENERGY("Instance-hours: energy"),
		INSTANCE_EMBODIED("Instance-hours: embodied emissions"), CODECARBON("CodeCarbon country cases");

		private final String title;

		Section(String title) {
			this.title = title;
		}

		String title() {
			return this.title;
		}

	}

}
