package org.greenledger.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A section of a document: a heading, an optional reference to the disclosure requirement
 * it answers and its blocks in order.
 *
 * @param heading the heading
 * @param reference an optional regulation reference label, for example
 * {@code "ESRS E1-6 §44"}
 * @param blocks the blocks, in order
 */
public record Section(String heading, @Nullable String reference, List<Block> blocks) {

	public Section {
		Objects.requireNonNull(heading, "heading");
		blocks = List.copyOf(blocks);
	}

	/**
	 * Starts a section.
	 * @param heading the heading
	 * @return a builder
	 */
	public static Builder builder(String heading) {
		return new Builder(heading);
	}

	/**
	 * Builds a {@link Section}.
	 */
	public static final class Builder {

		private final String heading;

		private @Nullable String reference;

		private final List<Block> blocks = new ArrayList<>();

		private Builder(String heading) {
			this.heading = heading;
		}

		/**
		 * Sets the regulation reference label.
		 * @param reference the label, for example {@code "ESRS E1-6"}
		 * @return this builder
		 */
		public Builder reference(@Nullable String reference) {
			this.reference = reference;
			return this;
		}

		/**
		 * Adds a block.
		 * @param block the block
		 * @return this builder
		 */
		public Builder add(Block block) {
			this.blocks.add(Objects.requireNonNull(block, "block"));
			return this;
		}

		/**
		 * Adds a {@link Block.Paragraph}.
		 * @param text the text
		 * @return this builder
		 */
		public Builder paragraph(String text) {
			return add(new Block.Paragraph(text));
		}

		/**
		 * Adds a {@link Block.Note}.
		 * @param text the text
		 * @return this builder
		 */
		public Builder note(String text) {
			return add(new Block.Note(text));
		}

		/**
		 * Builds the section.
		 * @return the section
		 */
		public Section build() {
			return new Section(this.heading, this.reference, this.blocks);
		}

	}

}
