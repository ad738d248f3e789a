package org.greenledger.core.billing;

import java.time.LocalDate;

/**
 * Whether the organisation has an energy factor per unit for a service and unit
 * ({@link ServiceKeys}) valid on a day; the billing mapper turns such rows into usage
 * lines instead of spend or cost-only lines.
 */
@FunctionalInterface
public interface ServiceFactors {

	/** None: every service without a usage mapping stays spend or cost-only. */
	ServiceFactors NONE = (key, day) -> false;

	boolean has(String key, LocalDate day);

}
