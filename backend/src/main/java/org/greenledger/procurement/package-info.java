/**
 * Green procurement: suppliers and their disclosures (questionnaires, PACT product
 * footprints), scoring methodologies as versioned data, explainable scores, and
 * workload-aware evaluations that project a workload's footprint at each candidate with
 * the same calculation engine as the rest of GreenLedger.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Procurement")
package org.greenledger.procurement;
