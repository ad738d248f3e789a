package org.greenledger.core.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A table's header, looked up by name: names are compared after a normalization (by
 * default without regard to case, surrounding blanks or a byte-order mark), the first of
 * several accepted spellings that is present wins, and a missing column is a
 * {@link Column} without position rather than an error. Readers check their mandatory
 * columns with {@link #missing(List)} before reading any row.
 */
public final class Columns {

	private final List<String> names;

	private final Map<String, Integer> index;

	private final UnaryOperator<String> normalization;

	private Columns(List<String> names, Map<String, Integer> index, UnaryOperator<String> normalization) {
		this.names = names;
		this.index = index;
		this.normalization = normalization;
	}

	/** The header, names compared without regard to case, blanks or a BOM. */
	public static Columns of(List<String> header) {
		return of(header, Columns::normalize);
	}

	/** The header, names compared after the given normalization. */
	public static Columns of(List<String> header, UnaryOperator<String> normalization) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i) != null) {
				index.putIfAbsent(normalization.apply(header.get(i)), i);
			}
		}
		return new Columns(Collections.unmodifiableList(new ArrayList<>(header)), index, normalization);
	}

	/**
	 * The column under the first of the spellings that is present; absent (named by the
	 * first spelling) when none is.
	 */
	public Column find(String... spellings) {
		for (String spelling : spellings) {
			Integer position = this.index.get(this.normalization.apply(spelling));
			if (position != null) {
				return new Column(this.names.get(position).replace("\uFEFF", "").strip(), position);
			}
		}
		return new Column(spellings[0], -1);
	}

	public boolean has(String spelling) {
		return this.index.containsKey(this.normalization.apply(spelling));
	}

	/**
	 * The mandatory columns that are missing: each entry lists the accepted spellings of
	 * one column, and is reported by its first spelling.
	 */
	public List<String> missing(List<List<String>> mandatory) {
		return mandatory.stream()
			.filter(spellings -> spellings.stream().noneMatch(this::has))
			.map(spellings -> String.join(" or ", spellings))
			.toList();
	}

	/** The column names as in the file. */
	public List<String> names() {
		return this.names;
	}

	/** Lower case, without a byte-order mark or surrounding blanks. */
	public static String normalize(String name) {
		return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
	}

	/** "the mandatory column X is" / "the mandatory columns X, Y are", for messages. */
	public static String describeMissing(List<String> missing) {
		return "the mandatory column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
				+ (missing.size() > 1 ? " are" : " is") + " missing";
	}

}
