package org.greenledger.core.greenbutton;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.greenledger.core.table.InputLimits;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.LimitExceededException;
import org.greenledger.core.table.MalformedTableException;
import org.greenledger.core.table.TextInput;

/**
 * A StAX reader that refuses what an uploaded XML file has no business containing: a
 * document type declaration (so no entity can be declared, expanded or fetched), entity
 * references, external resources of any kind, elements nested deeper than
 * {@link InputLimits#maxNestingDepth()} levels and texts or attributes longer than
 * {@link InputLimits#maxTextChars()} characters (texts are read in pieces, so the bound
 * holds before a long text is in memory). The bytes are checked UTF-8
 * ({@link TextInput}). Every event goes through {@link #next()}, which keeps the element
 * depth.
 */
final class EspiStream implements AutoCloseable {

	private final String fileName;

	private final InputLimits limits;

	private final XMLStreamReader reader;

	private final java.io.Reader text;

	private int depth;

	private EspiStream(String fileName, XMLStreamReader reader, java.io.Reader text, InputLimits limits) {
		this.fileName = fileName;
		this.reader = reader;
		this.text = text;
		this.limits = limits;
	}

	static EspiStream open(String fileName, InputStream input) {
		InputLimits limits = InputLimits.current();
		try {
			TextInput text = TextInput.open(input, limits, false);
			return new EspiStream(fileName, factory().createXMLStreamReader(text), text, limits);
		}
		catch (IOException ex) {
			throw new InvalidFileException(fileName + ": " + ex.getMessage(), ex);
		}
		catch (XMLStreamException ex) {
			throw malformed(fileName, ex);
		}
	}

	/**
	 * The JDK's own StAX implementation (not whatever the class path offers), with DTDs,
	 * external entities and entity replacement off, and a resolver that refuses anything
	 * it is asked for.
	 */
	static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("external resources are not read (" + systemId + ")");
		});
		return factory;
	}

	/** The next event, refusing DTDs and entity references and keeping the depth. */
	int next() {
		int event;
		try {
			event = this.reader.next();
		}
		catch (XMLStreamException ex) {
			throw malformed(this.fileName, ex);
		}
		switch (event) {
			case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION,
					XMLStreamConstants.NOTATION_DECLARATION ->
				throw new InvalidFileException(this.fileName + ": line " + line()
						+ ": the document has a document type declaration (<!DOCTYPE>); DTDs and entity declarations"
						+ " are not accepted in uploaded files");
			case XMLStreamConstants.ENTITY_REFERENCE -> throw new InvalidFileException(this.fileName + ": line "
					+ line() + ": the document refers to an entity (&" + this.reader.getLocalName()
					+ ";); DTDs and entity declarations are not accepted in uploaded files");
			case XMLStreamConstants.START_ELEMENT -> {
				if (++this.depth > this.limits.maxNestingDepth()) {
					throw new InvalidFileException(
							this.fileName + ": line " + line() + ": elements are nested more than "
									+ this.limits.maxNestingDepth() + " levels deep; Green Button files nest about ten"
									+ " (greenledger.ingestion.limits.max-nesting-depth)");
				}
				for (int i = 0; i < this.reader.getAttributeCount(); i++) {
					if (this.reader.getAttributeValue(i).length() > this.limits.maxTextChars()) {
						throw new InvalidFileException(this.fileName + ": line " + line() + ": the attribute "
								+ this.reader.getAttributeLocalName(i) + " of <" + this.reader.getLocalName()
								+ "> is longer than " + this.limits.maxTextChars()
								+ " characters (greenledger.ingestion.limits.max-text-chars)");
					}
				}
			}
			case XMLStreamConstants.END_ELEMENT -> this.depth--;
			default -> {
				// text, comments, processing instructions: the caller decides
			}
		}
		return event;
	}

	/**
	 * Reads the rest of the document and of the file after the root element has been
	 * read, so that content after the root, bytes that are not text and damaged or
	 * trailing compressed data are refused rather than ignored.
	 */
	void finish() {
		while (hasNext()) {
			next();
		}
		try {
			char[] rest = new char[8192];
			while (this.text.read(rest) >= 0) {
				// checked as it is decoded
			}
		}
		catch (IOException ex) {
			throw malformed(this.fileName, new XMLStreamException(ex.getMessage(), ex));
		}
	}

	/** Moves to the first element; throws when the document has none. */
	void toRoot() {
		while (this.reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
			if (!hasNext()) {
				throw new InvalidFileException(this.fileName + ": the document has no elements");
			}
			next();
		}
	}

	boolean hasNext() {
		try {
			return this.reader.hasNext();
		}
		catch (XMLStreamException ex) {
			throw malformed(this.fileName, ex);
		}
	}

	/**
	 * Reads the current element's text up to its end tag (child elements skipped).
	 * @return the text, stripped
	 */
	String text() {
		StringBuilder text = new StringBuilder();
		int level = this.depth;
		while (true) {
			int event = next();
			if (event == XMLStreamConstants.END_ELEMENT && this.depth < level) {
				return text.toString().strip();
			}
			if (this.depth == level && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
					|| event == XMLStreamConstants.SPACE)) {
				if (text.length() + this.reader.getTextLength() > this.limits.maxTextChars()) {
					throw new InvalidFileException(this.fileName + ": line " + line()
							+ ": the text of an element is longer than " + this.limits.maxTextChars()
							+ " characters (greenledger.ingestion.limits.max-text-chars)");
				}
				text.append(this.reader.getTextCharacters(), this.reader.getTextStart(), this.reader.getTextLength());
			}
		}
	}

	/** Skips the current element and everything in it. */
	void skip() {
		int level = this.depth;
		while (this.depth >= level) {
			next();
		}
	}

	/**
	 * Moves to the next child element of the element at {@code level}.
	 * @return false at the end tag of that element
	 */
	boolean nextChild(int level) {
		while (true) {
			int event = next();
			if (event == XMLStreamConstants.START_ELEMENT && this.depth == level + 1) {
				return true;
			}
			if (event == XMLStreamConstants.END_ELEMENT && this.depth < level) {
				return false;
			}
		}
	}

	int depth() {
		return this.depth;
	}

	String localName() {
		return this.reader.getLocalName();
	}

	String namespace() {
		String namespace = this.reader.getNamespaceURI();
		return (namespace != null) ? namespace : "";
	}

	String attribute(String name) {
		String value = this.reader.getAttributeValue(null, name);
		return (value != null) ? value.strip() : "";
	}

	int line() {
		return this.reader.getLocation().getLineNumber();
	}

	@Override
	public void close() {
		try {
			this.reader.close();
		}
		catch (XMLStreamException ex) {
			// nothing is left to read
		}
	}

	/** The file-level error for XML that cannot be parsed, with the line and column. */
	static InvalidFileException malformed(String fileName, XMLStreamException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MalformedTableException || cause instanceof LimitExceededException) {
				return new InvalidFileException(fileName + ": " + cause.getMessage(), ex);
			}
			if (cause instanceof java.io.EOFException) {
				return new InvalidFileException(fileName
						+ ": the compressed data ends unexpectedly (truncated gzip?); nothing of the file was used",
						ex);
			}
		}
		String why = reason(ex.getMessage());
		if (ex.getLocation() != null && ex.getLocation().getLineNumber() > 0) {
			return new InvalidFileException(fileName + ": the XML is malformed at line "
					+ ex.getLocation().getLineNumber() + ", column " + ex.getLocation().getColumnNumber() + ": " + why,
					ex);
		}
		return new InvalidFileException(fileName + ": the XML is malformed: " + why, ex);
	}

	/** What the parser found, in a sentence of ours (never the parser's own words). */
	static String reason(@org.jspecify.annotations.Nullable String message) {
		String text = (message != null) ? message.toLowerCase(Locale.ROOT) : "";
		if (text.contains("matching end-tag") || text.contains("must be terminated")) {
			java.util.regex.Matcher name = java.util.regex.Pattern.compile("\"([A-Za-z_][\\w.:-]{0,60})\"")
				.matcher(String.valueOf(message));
			return name.find() ? "the element <" + name.group(1) + "> is not closed by its matching end tag"
					: "an element is not closed by its matching end tag";
		}
		if (text.contains("same entity") || text.contains("premature end") || text.contains("unexpected eof")
				|| text.contains("end of file")) {
			return "the document ends before its elements are closed (the file is truncated?)";
		}
		if (text.contains("not allowed in prolog")) {
			return "there is text before the first element";
		}
		if (text.contains("following the root element") || text.contains("trailing section")) {
			return "there is content after the end of the document's root element";
		}
		if (text.contains("invalid xml character") || text.contains("invalid byte")) {
			return "the text contains a character that XML does not allow";
		}
		if (text.contains("doctype") || text.contains("dtd")) {
			return "the document has a document type declaration (<!DOCTYPE>), which uploaded files may not have";
		}
		if (text.contains("attribute")) {
			return "an attribute is written wrongly (every attribute needs a name, = and a quoted value, once per"
					+ " element)";
		}
		return "it is not well-formed XML there";
	}

}
