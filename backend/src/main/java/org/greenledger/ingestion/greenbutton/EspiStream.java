package org.greenledger.ingestion.greenbutton;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.greenledger.ingestion.InvalidFileException;

/**
 * A StAX reader that refuses what an uploaded XML file has no business containing: a
 * document type declaration (so no entity can be declared, expanded or fetched), entity
 * references, external resources of any kind, elements nested deeper than
 * {@value #MAX_DEPTH} levels and text longer than {@value #MAX_TEXT} characters. Every
 * event goes through {@link #next()}, which keeps the element depth.
 */
final class EspiStream implements AutoCloseable {

	static final int MAX_DEPTH = 32;

	static final int MAX_TEXT = 16_384;

	private final String fileName;

	private final XMLStreamReader reader;

	private int depth;

	private EspiStream(String fileName, XMLStreamReader reader) {
		this.fileName = fileName;
		this.reader = reader;
	}

	static EspiStream open(String fileName, InputStream input) {
		try {
			return new EspiStream(fileName, factory().createXMLStreamReader(input));
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
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
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
				if (++this.depth > MAX_DEPTH) {
					throw new InvalidFileException(
							this.fileName + ": line " + line() + ": elements are nested more than " + MAX_DEPTH
									+ " levels deep; Green Button files nest about ten");
				}
			}
			case XMLStreamConstants.END_ELEMENT -> this.depth--;
			default -> {
				// text, comments, processing instructions: the caller decides
			}
		}
		return event;
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
				text.append(this.reader.getText());
				if (text.length() > MAX_TEXT) {
					throw new InvalidFileException(this.fileName + ": line " + line() + ": the text of <"
							+ this.reader.getLocalName() + "> is longer than " + MAX_TEXT + " characters");
				}
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
		String message = ex.getMessage();
		int reason = (message != null) ? message.indexOf("Message: ") : -1;
		String why = (reason >= 0) ? message.substring(reason + 9).strip() : String.valueOf(message);
		if (ex.getLocation() != null) {
			return new InvalidFileException(fileName + ": the XML is malformed at line "
					+ ex.getLocation().getLineNumber() + ", column " + ex.getLocation().getColumnNumber() + ": " + why,
					ex);
		}
		return new InvalidFileException(fileName + ": the XML is malformed: " + why, ex);
	}

}
