/**
 * CodeCarbon {@code emissions.csv} (2.x and 3.x layouts): each row becomes one
 * {@link org.greenledger.ingestion.measured.CodeCarbonRun} handed to a
 * {@link org.greenledger.ingestion.measured.MeasurementSink}, or a rejection naming what
 * is wrong.
 */
@NullMarked
package org.greenledger.ingestion.codecarbon;

import org.jspecify.annotations.NullMarked;
