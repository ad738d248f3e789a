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
 * @param tier data-quality tier (1 metered, 2 reported by the operator; a computed
 * indicator takes the worst tier of its inputs), 0 when missing
 */
record EuIndicator(String field, String name, String unit, String reference, @Nullable Object value, String source,
		int tier) {

	/**
	 * An indicator whose data-quality tier follows from its source: 1 (metered) for a
	 * value measured by the site's meters, 2 (reported) for a value of the site register
	 * or entered by the operator with its evidence, 0 when missing.
	 */
	EuIndicator(String field, String name, String unit, String reference, @Nullable Object value, String source) {
		this(field, name, unit, reference, value, source,
				(value == null) ? 0 : source.startsWith("measured: ") ? 1 : 2);
	}

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
