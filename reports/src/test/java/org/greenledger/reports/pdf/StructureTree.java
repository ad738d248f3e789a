package org.greenledger.reports.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;

/**
 * A PDF's structure tree read back with PDFBox: its elements in document order, each with
 * the text of the marked content bound to it.
 */
final class StructureTree {

	private static final Map<COSDictionary, String> TEXTS = new IdentityHashMap<>();

	private StructureTree() {
	}

	/** Every structure element, depth first (the reading order). */
	static List<PDStructureElement> elements(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			Map<PDPage, Map<Integer, String>> marked = new HashMap<>();
			for (PDPage page : document.getPages()) {
				marked.put(page, markedText(page));
			}
			List<PDStructureElement> elements = new ArrayList<>();
			collect(document.getDocumentCatalog().getStructureTreeRoot(), elements, marked);
			return elements;
		}
	}

	static List<PDStructureElement> kids(PDStructureNode node) {
		List<PDStructureElement> kids = new ArrayList<>();
		for (Object kid : node.getKids()) {
			if (kid instanceof PDStructureElement element) {
				kids.add(element);
			}
		}
		return kids;
	}

	/** The text of an element and its descendants, words separated by single spaces. */
	static String text(PDStructureElement element) {
		StringBuilder text = new StringBuilder(TEXTS.getOrDefault(element.getCOSObject(), ""));
		for (PDStructureElement kid : kids(element)) {
			text.append(' ').append(text(kid));
		}
		return text.toString().replaceAll("\\s+", " ").strip();
	}

	private static void collect(PDStructureNode node, List<PDStructureElement> elements,
			Map<PDPage, Map<Integer, String>> marked) {
		for (Object kid : node.getKids()) {
			if (kid instanceof PDStructureElement element) {
				elements.add(element);
				StringBuilder text = new StringBuilder();
				PDPage page = element.getPage();
				for (Object content : element.getKids()) {
					if (content instanceof Integer mcid && page != null) {
						text.append(marked.get(page).getOrDefault(mcid, "")).append(' ');
					}
					else if (content instanceof PDMarkedContentReference reference) {
						PDPage on = (reference.getPage() != null) ? reference.getPage() : page;
						text.append(marked.get(on).getOrDefault(reference.getMCID(), "")).append(' ');
					}
				}
				TEXTS.put(element.getCOSObject(), text.toString());
				collect(element, elements, marked);
			}
		}
	}

	private static Map<Integer, String> markedText(PDPage page) throws IOException {
		PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
		extractor.processPage(page);
		Map<Integer, String> texts = new HashMap<>();
		for (PDMarkedContent content : extractor.getMarkedContents()) {
			add(content, texts);
		}
		return texts;
	}

	private static void add(PDMarkedContent content, Map<Integer, String> texts) {
		if (content.getMCID() >= 0) {
			StringBuilder text = new StringBuilder();
			for (Object item : content.getContents()) {
				if (item instanceof org.apache.pdfbox.text.TextPosition position) {
					text.append(position.getUnicode());
				}
			}
			texts.merge(content.getMCID(), text.toString(), String::concat);
		}
		for (Object item : content.getContents()) {
			if (item instanceof PDMarkedContent inner) {
				add(inner, texts);
			}
		}
	}

}
