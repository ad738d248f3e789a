/**
 * The XLSX renderer: Apache POI's streaming workbook, one worksheet per table.
 */
@NullMarked
package org.greenledger.reports.xlsx;

import org.jspecify.annotations.NullMarked;
