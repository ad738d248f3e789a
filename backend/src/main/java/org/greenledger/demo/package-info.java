/**
 * The demo organisation: a deterministic generator writes two years of a realistic,
 * clearly labelled organisation in the real formats (cloud bills, meter readings,
 * provider carbon exports, PACT footprints), and a loader sends them through the normal
 * ingestion jobs and creates sites, an AI workload, suppliers, an evaluation and a
 * reporting period through the modules' own services. What a load created is recorded, so
 * that one action removes exactly that and nothing else. Uses other modules only through
 * their published APIs.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Demo organisation")
package org.greenledger.demo;
