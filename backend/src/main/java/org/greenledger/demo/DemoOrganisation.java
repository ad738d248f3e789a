package org.greenledger.demo;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Who the demo organisation is: its name, its months, its accounts and sites. Every name
 * a user sees starts with "Demo" so that the data cannot be mistaken for real figures;
 * the accounts are numbers no provider issues to a customer (900000000xxx, all-zero
 * GUIDs), so that a real bill never replaces or is replaced by the demo's.
 */
final class DemoOrganisation {

	/** The seed of every random choice: the same files, byte for byte, on every load. */
	static final long SEED = 20_261_206L;

	static final String NAME = "Demo: Northwind AI";

	/** The first of the 24 months of bills and readings. */
	static final YearMonth FIRST_MONTH = YearMonth.of(2024, 12);

	static final int MONTHS = 24;

	static final String AWS_PAYER = "900000000001";

	static final String AWS_ACCOUNT = "900000000011";

	static final String AZURE_SUBSCRIPTION = "de000000-0000-4000-8000-00000000d001";

	static final String GCP_BILLING_ACCOUNT = "DE0000-000000-00D001";

	static final String GCP_PROJECT = "northwind-demo-ml";

	static final String OWN_SITE = "DEMO-FRA1";

	static final String COLOCATED_SITE = "DEMO-AMS2";

	static final String WORKLOAD = "Demo: Northwind Assistant";

	/** Tag value of the training runs (tag key {@code workload}). */
	static final String TRAINING_TAG = "northwind-assistant-training";

	/** Tag value of the inference service (tag key {@code workload}). */
	static final String INFERENCE_TAG = "northwind-assistant-inference";

	/** The reporting period left in review. */
	static final String PERIOD = "Demo FY2025";

	private DemoOrganisation() {
	}

	static LocalDate firstDay() {
		return FIRST_MONTH.atDay(1);
	}

	/** The day after the last month. */
	static LocalDate endDay() {
		return FIRST_MONTH.plusMonths(MONTHS).atDay(1);
	}

	/** Months 3-5 and 14-16 (counted from 1) are training campaigns. */
	static boolean training(YearMonth month) {
		long index = FIRST_MONTH.until(month, java.time.temporal.ChronoUnit.MONTHS);
		return (index >= 2 && index <= 4) || (index >= 13 && index <= 15);
	}

	/** Growth of the organisation's usage: 2 % a month. */
	static double growth(LocalDate day) {
		return 1 + 0.02 * FIRST_MONTH.until(YearMonth.from(day), java.time.temporal.ChronoUnit.MONTHS);
	}

}
