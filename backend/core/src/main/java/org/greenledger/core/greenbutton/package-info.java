/**
 * Green Button (NAESB REQ.21 ESPI) Atom XML: usage points, meter readings, reading types
 * and interval blocks, read with a hardened StAX parser (no DTDs, no entities, no
 * external resources) into a {@link org.greenledger.core.measured.MeasurementSink}. See
 * {@code docs/formats/green-button.md}.
 */
@NullMarked
package org.greenledger.core.greenbutton;

import org.jspecify.annotations.NullMarked;
