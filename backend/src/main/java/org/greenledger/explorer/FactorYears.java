package org.greenledger.explorer;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.ActivityLines;

/**
 * The years of the factors a line was calculated with against the year of the line: a
 * factor whose validity does not include the line's year (a 2021 grid intensity applied
 * to a 2018 row, because no earlier one is in the library) is listed, so that the lineage
 * page says so.
 */
public final class FactorYears {

	private static final Pattern VALIDITY = Pattern
		.compile("^(?:(\\d{4})-\\d{2}-\\d{2})?\\.\\.(?:(\\d{4})-\\d{2}-\\d{2})?");

	private FactorYears() {
	}

	/**
	 * A factor whose validity does not include the line's year.
	 *
	 * @param factorYears the factor's years as text, e.g. {@code 2021} or
	 * {@code 2019–2021}
	 */
	public record Mismatch(String kind, String key, String validity, String factorYears, int rowYear) {
	}

	/** The factors of the line's calculations whose validity excludes the line's year. */
	public static List<Mismatch> of(ActivityLines.Detail detail) {
		int rowYear = detail.line().periodStart().atZone(ZoneOffset.UTC).getYear();
		List<Mismatch> mismatches = new ArrayList<>();
		for (ActivityLines.Calculation calculation : detail.calculations()) {
			for (Map<String, Object> factor : calculation.factors()) {
				Mismatch mismatch = mismatch(factor, rowYear);
				if (mismatch != null && !mismatches.contains(mismatch)) {
					mismatches.add(mismatch);
				}
			}
		}
		return mismatches;
	}

	static @Nullable Mismatch mismatch(Map<String, Object> factor, int rowYear) {
		Object validity = factor.get("validity");
		if (validity == null) {
			return null;
		}
		Matcher matcher = VALIDITY.matcher(validity.toString());
		if (!matcher.find()) {
			return null;
		}
		Integer first = (matcher.group(1) != null) ? Integer.valueOf(matcher.group(1)) : null;
		Integer last = (matcher.group(2) != null) ? Integer.valueOf(matcher.group(2)) : null;
		if ((first == null || first <= rowYear) && (last == null || last >= rowYear)) {
			return null;
		}
		String years;
		if (first != null && first.equals(last)) {
			years = String.valueOf(first);
		}
		else {
			years = ((first != null) ? String.valueOf(first) : "") + "–" + ((last != null) ? String.valueOf(last) : "");
		}
		return new Mismatch(String.valueOf(factor.get("kind")), String.valueOf(factor.get("key")), validity.toString(),
				years, rowYear);
	}

}
