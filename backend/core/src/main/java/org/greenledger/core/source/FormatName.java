package org.greenledger.core.source;

import java.util.Locale;
import java.util.Set;

/**
 * A name a user may give a format, and how else it may be spelled: case, spaces, dots,
 * hyphens and underscores do not matter.
 *
 * @param name the name as the API lists it ({@code AWS_CUR})
 * @param description what the format is, for messages
 * @param spellings the accepted spellings, upper case letters and digits only
 * ({@code AWSCUR}, {@code CUR})
 * @param versioned whether a version may follow a spelling ({@code focus 1.2})
 */
public record FormatName(String name, String description, Set<String> spellings, boolean versioned) {

	public FormatName(String name, String description, Set<String> spellings) {
		this(name, description, spellings, false);
	}

	/** Whether a user's text names this, leniently. */
	public boolean isSpelled(String requested) {
		String key = key(requested);
		return this.versioned ? this.spellings.stream().anyMatch(key::startsWith) : this.spellings.contains(key);
	}

	/** A user's text reduced to upper case letters and digits. */
	static String key(String requested) {
		return requested.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

}
