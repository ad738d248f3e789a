/**
 * GreenLedger's document library: a plain Java (no Spring) model of disclosure documents
 * and its renderers. It knows nothing about emissions; it renders documents.
 * <p>
 * A {@link org.greenledger.reports.Document} is an immutable tree of records: a
 * {@link org.greenledger.reports.TitleBlock}, ordered
 * {@link org.greenledger.reports.Section sections} of
 * {@link org.greenledger.reports.Block blocks}, footnotes, methodology text, a
 * data-quality summary, optional spreadsheet-only {@link org.greenledger.reports.Sheet
 * sheets} and the {@link org.greenledger.reports.Provenance}. Renderers
 * ({@link org.greenledger.reports.pdf.PdfRenderer},
 * {@link org.greenledger.reports.xlsx.XlsxRenderer}) implement
 * {@link org.greenledger.reports.DocumentRenderer}.
 */
@NullMarked
package org.greenledger.reports;

import org.jspecify.annotations.NullMarked;
