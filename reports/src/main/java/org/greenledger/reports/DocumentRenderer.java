package org.greenledger.reports;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders a {@link Document} into a file format.
 *
 * @see org.greenledger.reports.pdf.PdfRenderer
 * @see org.greenledger.reports.xlsx.XlsxRenderer
 */
public interface DocumentRenderer {

	/**
	 * The media type of what {@link #render} writes.
	 * @return the media type, for example {@code application/pdf}
	 */
	String mediaType();

	/**
	 * Writes the document to the stream, which is left open.
	 * @param document the document
	 * @param out where to write
	 * @throws IOException if writing fails
	 */
	void render(Document document, OutputStream out) throws IOException;

}
