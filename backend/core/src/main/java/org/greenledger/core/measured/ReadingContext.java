package org.greenledger.core.measured;

import org.jspecify.annotations.Nullable;

/**
 * What the upload says about a measured file that the file itself may not say.
 *
 * @param site the site code the data belongs to ({@code site} form field); required for
 * Green Button files, optional for telemetry (a label), not used for the meter CSV (which
 * names each row's site)
 * @param host the host name for nvidia-smi files, which do not carry one
 * @param meterRole the role of a Green Button usage point's meter when its commodity does
 * not decide it (electricity defaults to {@link MeterRole#FACILITY_TOTAL})
 */
public record ReadingContext(@Nullable String site, @Nullable String host, @Nullable MeterRole meterRole) {

	public static final ReadingContext NONE = new ReadingContext(null, null, null);

}
