/**
 * The PDF renderer: OpenPDF with embedded Liberation fonts, charts drawn by JFreeChart as
 * vector graphics, every block tagged (a PDF/UA-1 structure tree).
 */
@NullMarked
package org.greenledger.reports.pdf;

import org.jspecify.annotations.NullMarked;
