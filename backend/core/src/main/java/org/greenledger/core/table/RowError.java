package org.greenledger.core.table;

/**
 * Why a row of an input file was not accepted.
 *
 * @param row 1-based data row number (the header is row 0)
 * @param column the column at fault, or {@code *} for the whole row
 * @param message the reason
 */
public record RowError(long row, String column, String message) {

}
