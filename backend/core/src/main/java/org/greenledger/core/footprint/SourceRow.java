package org.greenledger.core.footprint;

/**
 * Where an activity came from: the stored file (by SHA-256) and the row in it.
 *
 * @param fileSha256 hex SHA-256 of the uploaded file
 * @param row 1-based data row number
 */
public record SourceRow(String fileSha256, long row) {

}
