package org.greenledger.reports.pdf;

import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfRectangle;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfStructureTreeRoot;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The structure tree of one PDF (PDF/UA-1, ISO 32000-1 14.7 and 14.8): a {@code Document}
 * element under the tree root, structure elements of standard types only (so no role map
 * is needed), and the marked-content sequences that bind what is drawn to them. Content
 * that is not part of the document's text (page footers, rules, cell borders and fills,
 * repeated table headers) is marked as an artifact.
 * <p>
 * OpenPDF keeps the parent tree: every {@code BDC} with an MCID appends the element to
 * the page's entry, and the page's {@code StructParents} points at it. Link annotations
 * get their own parent tree entry ({@code StructParent}) and an object reference
 * ({@code OBJR}) in their {@code Link} element.
 */
final class Tags {

	static final PdfName TR = new PdfName("TR");

	static final PdfName ARTIFACT = new PdfName("Artifact");

	private static final PdfName SCOPE = new PdfName("Scope");

	private static final PdfName TABLE_OWNER = new PdfName("Table");

	private static final PdfName LAYOUT_OWNER = new PdfName("Layout");

	private static final PdfName PAGINATION = new PdfName("Pagination");

	private final PdfStructureTreeRoot root;

	private final PdfStructureElement document;

	/**
	 * Starts the tree; call after the document is opened (the writer must be tagged).
	 * @param writer the writer
	 */
	Tags(PdfWriter writer) {
		this.root = writer.getStructureTreeRoot();
		this.document = new PdfStructureElement(this.root, PdfName.DOCUMENT);
	}

	/** The {@code Document} element, parent of everything else. */
	PdfStructureElement document() {
		return this.document;
	}

	static PdfStructureElement element(PdfStructureElement parent, PdfName type) {
		return new PdfStructureElement(parent, type);
	}

	/** A table header cell for a column ({@code true}) or a row. */
	static PdfStructureElement header(PdfStructureElement row, boolean column) {
		PdfStructureElement th = element(row, PdfName.TH);
		PdfDictionary attributes = new PdfDictionary();
		attributes.put(PdfName.O, TABLE_OWNER);
		attributes.put(SCOPE, new PdfName(column ? "Column" : "Row"));
		th.put(PdfName.A, attributes);
		return th;
	}

	/** A figure with its alternative text and its bounding box on the page. */
	static PdfStructureElement figure(PdfStructureElement parent, String alt, float llx, float lly, float urx,
			float ury) {
		PdfStructureElement figure = element(parent, PdfName.FIGURE);
		figure.put(PdfName.ALT, new PdfString(alt, PdfObject.TEXT_UNICODE));
		PdfDictionary layout = new PdfDictionary();
		layout.put(PdfName.O, LAYOUT_OWNER);
		layout.put(PdfName.BBOX, new PdfRectangle(llx, lly, urx, ury));
		figure.put(PdfName.A, layout);
		return figure;
	}

	/** Draws content as part of an element (a marked-content sequence with an MCID). */
	static void mark(PdfContentByte canvas, PdfStructureElement element, Runnable draw) {
		canvas.beginMarkedContentSequence(element);
		draw.run();
		canvas.endMarkedContentSequence();
	}

	/** Draws content that is not part of the text: rules, borders, fills. */
	static void artifact(PdfContentByte canvas, Runnable draw) {
		canvas.beginMarkedContentSequence(ARTIFACT);
		draw.run();
		canvas.endMarkedContentSequence();
	}

	/** Draws a pagination artifact: footer, page number, marking, repeated headers. */
	static void pagination(PdfContentByte canvas, Runnable draw) {
		PdfDictionary properties = new PdfDictionary();
		properties.put(PdfName.TYPE, PAGINATION);
		canvas.beginMarkedContentSequence(ARTIFACT, properties, true);
		draw.run();
		canvas.endMarkedContentSequence();
	}

	/**
	 * Binds a link annotation to its {@code Link} element: the annotation's
	 * {@code StructParent} entry in the parent tree and an object reference among the
	 * element's kids (after its marked content).
	 */
	void link(PdfStructureElement link, PdfAnnotation annotation) {
		int key = this.root.addExistingObject(link.getReference());
		annotation.put(PdfName.STRUCTPARENT, new PdfNumber(key));
		PdfDictionary reference = new PdfDictionary(PdfName.OBJR);
		reference.put(PdfName.OBJ, annotation.getIndirectReference());
		PdfObject kids = link.get(PdfName.K);
		PdfArray array;
		if (kids instanceof PdfArray existing) {
			array = existing;
		}
		else {
			array = new PdfArray();
			if (kids != null) {
				array.add(kids);
			}
			link.put(PdfName.K, array);
		}
		array.add(reference);
	}

}
