/**
 * Reporting periods: DRAFT, IN_REVIEW, APPROVED (locked), and restatements that open a
 * new version of an approved period with a reason. Other modules ask
 * {@link org.greenledger.periods.PeriodLocks} before they change activities, factors or
 * instruments of a date range.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Reporting periods")
package org.greenledger.periods;
