/**
 * AI workloads: models and services with phases (experimentation, training, fine-tuning,
 * inference), the rules that attribute measured energy (telemetry labels, CodeCarbon
 * projects and experiments) and cloud billing (tags) to them, the outputs they served,
 * and their footprint per month and phase with an SCI score per functional unit.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "AI workloads")
package org.greenledger.workloads;
