package org.greenledger.core.footprint;

/**
 * A factor as used in a calculation, with everything needed to trace it: the value and
 * unit, what it is about, and the dataset and version it came from.
 *
 * @param kind what the factor is (e.g. {@code GRID_INTENSITY})
 * @param key what it is about (grid zone, model, provider)
 * @param value the value used
 * @param unit its unit
 * @param dataset the dataset id ({@code request} for a value given in the request)
 * @param version the dataset version
 * @param validity the period the value is valid for, and whether it covered the
 * activity's date
 * @param source the precise source of the value
 * @param quality the data-quality tier the factor supports
 */
public record FactorReference(String kind, String key, double value, String unit, String dataset, String version,
		String validity, String source, DataQuality quality) {

}
