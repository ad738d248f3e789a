/**
 * CodeCarbon {@code emissions.csv} (2.x and 3.x layouts): each row becomes one
 * {@link org.greenledger.core.measured.CodeCarbonRun} handed to a
 * {@link org.greenledger.core.measured.MeasurementSink}, or a rejection naming what is
 * wrong.
 */
@NullMarked
package org.greenledger.core.codecarbon;

import org.jspecify.annotations.NullMarked;
