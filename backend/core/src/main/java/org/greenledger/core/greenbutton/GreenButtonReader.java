package org.greenledger.core.greenbutton;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.ReadingContext;

/**
 * Reads a Green Button (NAESB REQ.21 ESPI) Atom feed
 * ({@code docs/formats/green-button.md}) with a hardened StAX parser: a document with a
 * DTD is refused before anything in it is used, and nothing outside the file is ever
 * read. Every {@code IntervalReading} is a row (numbered 1, 2, ... in document order)
 * handed to the sink as an interval in kWh or litres, or rejected with the reason and its
 * line. Entries, blocks and readings may come in any order: the whole feed is read first,
 * then each MeterReading's readings are handed over as one series in time order
 * ({@link EspiSeriesReadings}). Elements are matched by namespace, whatever their prefix
 * ({@code espi:}, {@code ns0:}, a default namespace). The site comes from the upload, the
 * meter id from the UsagePoint (its title, else its id) and the MeterReading id.
 */
public final class GreenButtonReader {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	static final String ESPI = "http://naesb.org/espi";

	private final String fileName;

	private final EspiStream xml;

	private final EspiResolver resolver;

	private long rows;

	private int resources;

	private GreenButtonReader(String fileName, EspiStream xml, EspiResolver resolver) {
		this.fileName = fileName;
		this.xml = xml;
		this.resolver = resolver;
	}

	/**
	 * Reads a Green Button file.
	 * @param context the upload's site (required: the file does not name one) and,
	 * optionally, the meters' role
	 * @throws InvalidFileException when the upload names no site, the document has a DTD
	 * or is malformed (with its line), or it is not an Atom feed of ESPI resources
	 */
	public static void read(String fileName, InputStream input, ReadingContext context, MeasurementSink sink) {
		String site = context.site();
		if (site == null || site.isBlank()) {
			throw new InvalidFileException(
					fileName + ": Green Button files do not say which site they belong to: upload with site=<code>");
		}
		try (EspiStream xml = EspiStream.open(fileName, input)) {
			GreenButtonReader reader = new GreenButtonReader(fileName, xml,
					new EspiResolver(site.strip(), context.meterRole(), sink));
			reader.feed();
			xml.finish();
		}
	}

	private void feed() {
		this.xml.toRoot();
		if (!"feed".equals(this.xml.localName()) || !ATOM.equals(this.xml.namespace())) {
			throw new InvalidFileException(this.fileName + ": the document is <" + this.xml.localName()
					+ ">, not an Atom feed (<feed xmlns=\"" + ATOM + "\">): not a Green Button file");
		}
		int level = this.xml.depth();
		while (this.xml.nextChild(level)) {
			if ("entry".equals(this.xml.localName()) && ATOM.equals(this.xml.namespace())) {
				entry();
			}
			else {
				this.xml.skip();
			}
		}
		if (this.resources == 0) {
			throw new InvalidFileException(this.fileName + ": the feed has no ESPI resources (UsagePoint, MeterReading,"
					+ " ReadingType, IntervalBlock in the namespace " + ESPI + "): not a Green Button file");
		}
		this.resolver.finish();
	}

	/** One Atom entry: its links, title and the ESPI resources in its content. */
	private void entry() {
		int level = this.xml.depth();
		Map<String, List<String>> links = new HashMap<>();
		String title = null;
		List<EspiResolver.Block> blocks = new ArrayList<>();
		Map<String, String> readingType = null;
		int readingTypeLine = 0;
		Integer serviceKind = null;
		String kind = null;
		while (this.xml.nextChild(level)) {
			String name = this.xml.localName();
			if ("link".equals(name)) {
				links.computeIfAbsent(this.xml.attribute("rel"), rel -> new ArrayList<>())
					.add(this.xml.attribute("href"));
				this.xml.skip();
			}
			else if ("title".equals(name)) {
				title = this.xml.text();
			}
			else if ("content".equals(name)) {
				int contentLevel = this.xml.depth();
				while (this.xml.nextChild(contentLevel)) {
					String resource = this.xml.localName();
					if (!ESPI.equals(this.xml.namespace())) {
						this.xml.skip();
						continue;
					}
					this.resources++;
					switch (resource) {
						case "IntervalBlock" -> blocks.add(new EspiResolver.Block(this.xml.line(), readings()));
						case "ReadingType" -> {
							readingTypeLine = this.xml.line();
							readingType = fields();
						}
						case "UsagePoint" -> serviceKind = serviceKind();
						case "MeterReading" -> {
							readingTypeLine = this.xml.line();
							readingType = inlineReadingType();
						}
						default -> this.xml.skip();
					}
					kind = (kind == null) ? resource : kind;
				}
			}
			else {
				this.xml.skip();
			}
		}
		String self = first(links, "self");
		switch ((kind != null) ? kind : "") {
			case "UsagePoint" -> this.resolver.usagePoint(self, title, serviceKind);
			case "MeterReading" -> this.resolver.meterReading(self, links.getOrDefault("related", List.of()),
					readingType, readingTypeLine);
			case "ReadingType" -> this.resolver.readingType(self, readingType, readingTypeLine);
			case "IntervalBlock" -> {
				String meterReading = this.resolver.meterReadingOf(self, first(links, "up"));
				for (EspiResolver.Block block : blocks) {
					this.resolver.add(block.of(meterReading));
				}
			}
			default -> {
				// LocalTimeParameters (times are read as UTC epoch seconds), summaries
			}
		}
	}

	/** A UsagePoint's ServiceCategory kind (0 electricity, 1 gas, 2 water), or null. */
	private @Nullable Integer serviceKind() {
		Integer kind = null;
		int level = this.xml.depth();
		while (this.xml.nextChild(level)) {
			if (!"ServiceCategory".equals(this.xml.localName())) {
				this.xml.skip();
				continue;
			}
			String text = fields().get("kind");
			try {
				kind = (text != null && !text.isEmpty()) ? Integer.valueOf(text) : null;
			}
			catch (NumberFormatException ex) {
				kind = null;
			}
		}
		return kind;
	}

	/** The fields of a ReadingType written inside a MeterReading, or null. */
	private @Nullable Map<String, String> inlineReadingType() {
		Map<String, String> fields = null;
		int level = this.xml.depth();
		while (this.xml.nextChild(level)) {
			if ("ReadingType".equals(this.xml.localName()) && ESPI.equals(this.xml.namespace())) {
				fields = fields();
			}
			else {
				this.xml.skip();
			}
		}
		return fields;
	}

	/** The IntervalReadings of an IntervalBlock, each numbered as the next row. */
	private List<EspiResolver.Reading> readings() {
		List<EspiResolver.Reading> readings = new ArrayList<>();
		int level = this.xml.depth();
		while (this.xml.nextChild(level)) {
			if (!"IntervalReading".equals(this.xml.localName())) {
				this.xml.skip();
				continue;
			}
			int line = this.xml.line();
			String start = null;
			String duration = null;
			String value = null;
			int readingLevel = this.xml.depth();
			while (this.xml.nextChild(readingLevel)) {
				switch (this.xml.localName()) {
					case "value" -> value = this.xml.text();
					case "timePeriod" -> {
						int periodLevel = this.xml.depth();
						while (this.xml.nextChild(periodLevel)) {
							switch (this.xml.localName()) {
								case "start" -> start = this.xml.text();
								case "duration" -> duration = this.xml.text();
								default -> this.xml.skip();
							}
						}
					}
					default -> this.xml.skip();
				}
			}
			readings.add(new EspiResolver.Reading(++this.rows, line, start, duration, value));
		}
		return readings;
	}

	/** The text of an element's simple children, by name. */
	private Map<String, String> fields() {
		Map<String, String> fields = new HashMap<>();
		int level = this.xml.depth();
		while (this.xml.nextChild(level)) {
			fields.put(this.xml.localName(), this.xml.text());
		}
		return fields;
	}

	private static @Nullable String first(Map<String, List<String>> links, String rel) {
		List<String> hrefs = links.get(rel);
		return (hrefs == null || hrefs.isEmpty()) ? null : hrefs.get(0);
	}

}
