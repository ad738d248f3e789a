package org.greenledger.reports;

import java.util.Objects;

/**
 * A titled piece of text, such as a methodology or sources paragraph.
 *
 * @param heading the heading
 * @param text the text; blank lines separate paragraphs
 */
public record TextBlock(String heading, String text) {

	public TextBlock {
		Objects.requireNonNull(heading, "heading");
		Objects.requireNonNull(text, "text");
	}

}
