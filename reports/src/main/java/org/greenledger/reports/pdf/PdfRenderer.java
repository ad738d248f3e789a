package org.greenledger.reports.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.greenledger.reports.Document;
import org.greenledger.reports.DocumentRenderer;
import org.greenledger.reports.RenderProgress;

/**
 * Renders a {@link Document} as an A4 PDF: a title block and table of contents with page
 * numbers, the sections (key figures, tables whose header rows repeat on every page,
 * charts drawn as vector graphics with their data as a table), data quality, methodology,
 * footnotes and the provenance on the last page, "page X of Y" in every footer and
 * bookmarks to every heading. The PDF is tagged for assistive technology (PDF/UA-1):
 * every block is drawn inside a structure element of its kind, decoration is marked as
 * artifact (see {@code Tags}).
 * <p>
 * Fonts are Liberation Sans, embedded as subsets; no system font is used. The output is
 * deterministic: the creation date is the document's {@code generatedAt} and the file
 * identifier and font subset names are derived from the document, so the same document
 * gives the same bytes.
 * <p>
 * The document is laid out twice (the first pass finds the pages the headings land on,
 * the second prints them in the table of contents) and held in memory once before it is
 * written. Instances are stateless and thread-safe (as thread-safe as their progress).
 */
public final class PdfRenderer implements DocumentRenderer {

	private static final int MAX_PASSES = 3;

	private final RenderProgress progress;

	/** A renderer whose progress nobody follows. */
	public PdfRenderer() {
		this(RenderProgress.NONE);
	}

	/**
	 * A renderer telling each page it lays out.
	 * @param progress where to tell
	 */
	public PdfRenderer(RenderProgress progress) {
		this.progress = progress;
	}

	@Override
	public String mediaType() {
		return "application/pdf";
	}

	@Override
	public void render(Document document, OutputStream out) throws IOException {
		render(document).writeTo(out);
	}

	/**
	 * Renders the document into memory.
	 * @param document the document
	 * @return the PDF bytes
	 */
	public byte[] toBytes(Document document) {
		return render(document).toByteArray();
	}

	private ByteArrayOutputStream render(Document document) {
		PdfLayout.Result layout = new PdfLayout(document, this.progress, 1).write(OutputStream.nullOutputStream(),
				null);
		for (int pass = 2; pass <= MAX_PASSES; pass++) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
			PdfLayout.Result result = new PdfLayout(document, this.progress, pass).write(bytes, layout);
			if (result.equals(layout)) {
				return bytes;
			}
			layout = result;
		}
		throw new IllegalStateException("The table of contents did not settle after " + MAX_PASSES + " passes");
	}

}
