package org.greenledger.demo;

/**
 * Something a demo load created: a job, site, workload, supplier, evaluation or reporting
 * period, by its id (a site by its code).
 */
public record DemoHolding(Kind kind, String ref, String label) {

	public enum Kind {

		JOB, SITE, WORKLOAD, SUPPLIER, EVALUATION, PERIOD

	}

}
