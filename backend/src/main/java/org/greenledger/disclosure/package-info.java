/**
 * Disclosures: the figures of a GHG inventory, ESRS E1/E3 datapoints, EU Energy
 * Efficiency Directive data-centre KPIs and AI model footprint cards, gathered from the
 * inventory module's figures, the sites' measured months and the workloads, and handed to
 * the {@code reports} library as documents.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Disclosures")
package org.greenledger.disclosure;
