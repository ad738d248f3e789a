/**
 * Sites: own and colocated data centres (and cloud regions where own telemetry is
 * recorded) with their grid zone, meters and contractual electricity instruments, and the
 * monthly figures measured at each: energy by meter role, PUE and WUE (ISO/IEC 30134-2
 * and -9), Scope 1 from generator fuel, Scope 2 location- and market-based; and the
 * values entered per site and year for the EU data-centre report (Delegated Regulation
 * (EU) 2024/1364).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Sites")
package org.greenledger.sites;
