package org.greenledger.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A document to render: an immutable tree built with {@link #builder(TitleBlock)}.
 *
 * @param titleBlock what the document is
 * @param sections the sections, in order
 * @param changes the optional "differences from the previous version" section
 * @param dataQuality the data-quality summary: the share of the total per quality tier
 * @param methodology the methodology and sources text, in order
 * @param footnotes the footnotes, numbered from 1 in this order
 * @param sheets spreadsheet-only data (see {@link Sheet})
 * @param provenance where the numbers come from
 */
public record Document(TitleBlock titleBlock, List<Section> sections, @Nullable Section changes,
		List<QualityShare> dataQuality, List<TextBlock> methodology, List<String> footnotes, List<Sheet> sheets,
		Provenance provenance) {

	public Document {
		Objects.requireNonNull(titleBlock, "titleBlock");
		sections = List.copyOf(sections);
		dataQuality = List.copyOf(dataQuality);
		methodology = List.copyOf(methodology);
		footnotes = List.copyOf(footnotes);
		sheets = List.copyOf(sheets);
		Objects.requireNonNull(provenance, "provenance");
	}

	/**
	 * Starts a document.
	 * @param titleBlock the title block
	 * @return a builder
	 */
	public static Builder builder(TitleBlock titleBlock) {
		return new Builder(titleBlock);
	}

	/**
	 * This document with further spreadsheet-only sheets after its own.
	 * @param more the sheets to add
	 * @return a new document
	 */
	public Document withSheets(List<Sheet> more) {
		List<Sheet> all = new ArrayList<>(this.sheets);
		all.addAll(more);
		return new Document(this.titleBlock, this.sections, this.changes, this.dataQuality, this.methodology,
				this.footnotes, all, this.provenance);
	}

	/**
	 * Builds a {@link Document}.
	 */
	public static final class Builder {

		private final TitleBlock titleBlock;

		private final List<Section> sections = new ArrayList<>();

		private @Nullable Section changes;

		private final List<QualityShare> dataQuality = new ArrayList<>();

		private final List<TextBlock> methodology = new ArrayList<>();

		private final List<String> footnotes = new ArrayList<>();

		private final List<Sheet> sheets = new ArrayList<>();

		private @Nullable Provenance provenance;

		private Builder(TitleBlock titleBlock) {
			this.titleBlock = Objects.requireNonNull(titleBlock, "titleBlock");
		}

		/**
		 * Adds a section.
		 * @param section the section
		 * @return this builder
		 */
		public Builder section(Section section) {
			this.sections.add(Objects.requireNonNull(section, "section"));
			return this;
		}

		/**
		 * Sets the "differences from the previous version" section.
		 * @param changes the section, or {@code null} for a first version
		 * @return this builder
		 */
		public Builder changes(@Nullable Section changes) {
			this.changes = changes;
			return this;
		}

		/**
		 * Adds a line to the data-quality summary.
		 * @param tier the quality tier
		 * @param share its share of the total, between 0 and 1
		 * @return this builder
		 */
		public Builder dataQuality(String tier, double share) {
			this.dataQuality.add(new QualityShare(tier, share));
			return this;
		}

		/**
		 * Adds a methodology or sources text.
		 * @param heading the heading
		 * @param text the text
		 * @return this builder
		 */
		public Builder methodology(String heading, String text) {
			this.methodology.add(new TextBlock(heading, text));
			return this;
		}

		/**
		 * Adds a footnote.
		 * @param text the text
		 * @return this builder
		 */
		public Builder footnote(String text) {
			this.footnotes.add(Objects.requireNonNull(text, "text"));
			return this;
		}

		/**
		 * Adds a spreadsheet-only sheet.
		 * @param sheet the sheet
		 * @return this builder
		 */
		public Builder sheet(Sheet sheet) {
			this.sheets.add(Objects.requireNonNull(sheet, "sheet"));
			return this;
		}

		/**
		 * Sets the provenance.
		 * @param provenance the provenance
		 * @return this builder
		 */
		public Builder provenance(Provenance provenance) {
			this.provenance = provenance;
			return this;
		}

		/**
		 * Builds the document.
		 * @return the document
		 * @throws IllegalStateException if the provenance is missing
		 */
		public Document build() {
			if (this.provenance == null) {
				throw new IllegalStateException("A document needs its provenance");
			}
			return new Document(this.titleBlock, this.sections, this.changes, this.dataQuality, this.methodology,
					this.footnotes, this.sheets, this.provenance);
		}

	}

}
