package org.greenledger.core.formats;

import org.greenledger.core.source.FormatName;
import org.greenledger.core.source.SourceFormat;

/**
 * A format under one of its names: the one a user gave, or the edition a file was
 * recognised as.
 *
 * @param format the format
 * @param name the name
 */
public record NamedFormat(SourceFormat<?> format, FormatName name) {

	/** What the format under this name is, for messages. */
	public String description() {
		return this.name.description();
	}

	/**
	 * Whether a file recognised as {@code detected} may be read when this was requested:
	 * the same name, or any edition of the format when its own name was requested
	 * ({@code AWS_CUR} admits a CUR 2.0 file, {@code AWS_CUR2} no legacy CUR).
	 */
	public boolean admits(NamedFormat detected) {
		return this.format == detected.format()
				&& (this.name.equals(detected.name()) || this.name.name().equals(this.format.name()));
	}

}
