package org.greenledger.core.greenbutton;

import org.jspecify.annotations.Nullable;

/**
 * Keys for ESPI resources from their Atom link hrefs: the part from the resource's type
 * on ({@code UsagePoint/1/MeterReading/1}, {@code ReadingType/07}), so that absolute,
 * relative and differently hosted links to the same resource match.
 */
final class EspiLinks {

	private EspiLinks() {
	}

	/**
	 * The href from the first path segment named {@code segment} on, without a trailing
	 * slash; null when there is no such segment.
	 */
	static @Nullable String from(String href, String segment) {
		String path = href.strip();
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		int at = path.startsWith(segment + "/") ? 0 : path.indexOf("/" + segment + "/");
		if (at < 0) {
			return null;
		}
		return path.substring((at == 0 && path.startsWith(segment + "/")) ? 0 : at + 1);
	}

	/** The key cut before {@code /segment} (a child collection or member), or the key. */
	static String before(String key, String segment) {
		int at = key.indexOf("/" + segment);
		return (at < 0) ? key : key.substring(0, at);
	}

	/** The id of the resource a key names: its last segment. */
	static String id(String key) {
		return key.substring(key.lastIndexOf('/') + 1);
	}

}
