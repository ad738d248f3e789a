package org.greenledger.core.measured;

/**
 * Something the tally did with a series that a reader of the result should know about,
 * although no row was rejected: a counter reset, a gap that was not integrated.
 *
 * @param row the 1-based row the note is about
 * @param series the series, described for people (source, metric, labels)
 * @param message what happened
 */
public record MeasurementNote(long row, String series, String message) {

}
