/**
 * The PDF renderer: OpenPDF with embedded Liberation fonts, charts drawn by JFreeChart as
 * vector graphics.
 */
@NullMarked
package org.greenledger.reports.pdf;

import org.jspecify.annotations.NullMarked;
