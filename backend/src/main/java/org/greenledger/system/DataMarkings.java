package org.greenledger.system;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What every page of every document must say about the installation's data, when
 * anything: "Demo data" while the demo organisation is loaded. Implemented by the modules
 * that know (the demo module); read by the modules that render documents (disclosure,
 * procurement).
 */
public interface DataMarkings {

	/** The marking, when the data calls for one. */
	Optional<String> marking();

	/** The markings of all implementations, joined; null when there is none. */
	static @org.jspecify.annotations.Nullable String joined(List<DataMarkings> markings) {
		String text = markings.stream()
			.map(DataMarkings::marking)
			.flatMap(Optional::stream)
			.filter(Objects::nonNull)
			.collect(Collectors.joining("; "));
		return text.isEmpty() ? null : text;
	}

}
