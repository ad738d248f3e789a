package org.greenledger.core.factors;

import org.jspecify.annotations.Nullable;

/**
 * A shipped (or organisation-defined) set of factors and where its numbers come from.
 *
 * @param id dataset id
 * @param version dataset version
 * @param title what it holds
 * @param publisher who published the numbers
 * @param url where they come from
 * @param licence licence of the numbers
 * @param attribution the attribution the licence asks for
 * @param retrieved when the numbers were taken
 * @param conversion how the file was produced, if converted
 * @param priority which dataset wins when several define the same factor (higher wins)
 */
public record FactorDataset(String id, String version, String title, String publisher, String url, String licence,
		String attribution, String retrieved, @Nullable String conversion, int priority) {

}
