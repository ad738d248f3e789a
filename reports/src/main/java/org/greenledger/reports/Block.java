package org.greenledger.reports;

import java.util.List;
import java.util.Objects;

/**
 * A block of a {@link Section}: {@link Paragraph}, {@link KeyFigures}, {@link Table},
 * {@link Chart} or {@link Note}.
 */
public sealed interface Block permits Block.Paragraph, Block.KeyFigures, Table, Chart, Block.Note {

	/**
	 * A paragraph of running text.
	 *
	 * @param text the text
	 */
	record Paragraph(String text) implements Block {

		public Paragraph {
			Objects.requireNonNull(text, "text");
		}

	}

	/**
	 * The headline numbers of a section, printed large.
	 *
	 * @param figures the figures, in order
	 */
	record KeyFigures(List<KeyFigure> figures) implements Block {

		public KeyFigures {
			figures = List.copyOf(figures);
		}

		/**
		 * Creates the block.
		 * @param figures the figures
		 * @return the block
		 */
		public static KeyFigures of(KeyFigure... figures) {
			return new KeyFigures(List.of(figures));
		}

	}

	/**
	 * A remark set apart from the running text (a caveat, an estimate, an exclusion).
	 *
	 * @param text the text
	 */
	record Note(String text) implements Block {

		public Note {
			Objects.requireNonNull(text, "text");
		}

	}

}
