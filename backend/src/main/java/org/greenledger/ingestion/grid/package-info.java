/**
 * Hourly grid carbon intensity in the Electricity Maps export layout: each row becomes
 * one {@link org.greenledger.ingestion.measured.HourlyIntensity} handed to a
 * {@link org.greenledger.ingestion.measured.GridIntensitySink}, or a rejection.
 */
@NullMarked
package org.greenledger.ingestion.grid;

import org.jspecify.annotations.NullMarked;
