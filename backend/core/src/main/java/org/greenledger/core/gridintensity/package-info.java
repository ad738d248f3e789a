/**
 * Hourly grid carbon intensity in the Electricity Maps export layout: each row becomes
 * one {@link org.greenledger.core.measured.HourlyIntensity} handed to a
 * {@link org.greenledger.core.measured.GridIntensitySink}, or a rejection.
 */
@NullMarked
package org.greenledger.core.gridintensity;

import org.jspecify.annotations.NullMarked;
