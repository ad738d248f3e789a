package org.greenledger.procurement;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The known names closest to an unknown one, for a suggestion: names that contain the
 * given one (ignoring case and separators: "H100" in "H100-SXM") first, then by edit
 * distance, closest first.
 */
final class Closest {

	private Closest() {
	}

	static List<String> to(String given, Collection<String> known, int limit) {
		String wanted = plain(given);
		return known.stream()
			.distinct()
			.map(name -> new Candidate(name, plain(name).contains(wanted) ? 0 : 1, distance(wanted, plain(name))))
			.filter(candidate -> candidate.contains() == 0 || candidate.distance() <= Math.max(2, wanted.length() / 2))
			.sorted(Comparator.comparingInt(Candidate::contains)
				.thenComparingInt(Candidate::distance)
				.thenComparing(Candidate::name))
			.limit(limit)
			.map(Candidate::name)
			.toList();
	}

	private record Candidate(String name, int contains, int distance) {
	}

	private static String plain(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
	}

	/** Levenshtein distance. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
