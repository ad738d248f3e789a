package org.greenledger.disclosure;

import org.jspecify.annotations.Nullable;

/**
 * One indicator of the EU data-centre report for one site and year: its symbol and name,
 * where the delegated regulation asks for it, its value (a number or a text, null when
 * missing) and where the value comes from.
 *
 * @param field the symbol or short name used in the export, for example {@code EDC} or
 * {@code PUE}
 * @param reference where the regulation (and, for the computed indicators, the standard)
 * defines it
 * @param source measured (which meters), entered (with the evidence), computed (from
 * which indicators), or what is missing and where to enter it
 */
record EuIndicator(String field, String name, String unit, String reference, @Nullable Object value, String source) {

	boolean missing() {
		return this.value == null;
	}

	@Nullable Double number() {
		return (this.value instanceof Double number) ? number : null;
	}

	@Nullable String text() {
		return (this.value instanceof String text) ? text : null;
	}

}
