package org.greenledger.reports;

/**
 * What a renderer tells while it works, for a caller that shows progress. Calls come on
 * the rendering thread; they must be quick and never change what is rendered.
 */
@FunctionalInterface
public interface RenderProgress {

	/** Progress nobody follows. */
	RenderProgress NONE = (pass, page, pagesBefore) -> {
	};

	/**
	 * A page of the PDF has been laid out.
	 * @param pass the layout pass (1, 2 or 3: the PDF is laid out until its table of
	 * contents settles, see {@link org.greenledger.reports.pdf.PdfRenderer})
	 * @param page the page's number
	 * @param pagesBefore the page count of the previous pass, 0 on the first
	 */
	void pageDone(int pass, int page, int pagesBefore);

}
