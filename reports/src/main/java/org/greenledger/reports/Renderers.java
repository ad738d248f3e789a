package org.greenledger.reports;

import org.greenledger.reports.pdf.PdfRenderer;
import org.greenledger.reports.xlsx.XlsxRenderer;

/** The renderers of this library, for callers that only know {@link DocumentRenderer}. */
public final class Renderers {

	private Renderers() {
	}

	/**
	 * The PDF renderer (A4, embedded fonts, table of contents, page numbers, charts).
	 * @return a new renderer
	 */
	public static DocumentRenderer pdf() {
		return new PdfRenderer();
	}

	/**
	 * The PDF renderer, telling each page it lays out.
	 * @param progress where to tell
	 * @return a new renderer
	 */
	public static DocumentRenderer pdf(RenderProgress progress) {
		return new PdfRenderer(progress);
	}

	/**
	 * The streaming XLSX renderer (formula-safe text cells).
	 * @return a new renderer
	 */
	public static DocumentRenderer xlsx() {
		return new XlsxRenderer();
	}

}
