/**
 * The sustainability officer's dashboard: a period's key figures beside the previous
 * period's, the monthly trend by scope, breakdowns by provider, region, org unit and AI
 * workload, the services that moved most, and the open data issues with where to fix
 * them.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package org.greenledger.dashboard;
