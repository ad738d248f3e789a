package org.greenledger.ingestion;

import java.time.LocalDate;

import org.greenledger.core.table.InputLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on uploaded text files (CSV, JSON lines, XML, Prometheus text) and on the values
 * in them; see {@link InputLimits} for what each bounds, and docs/security.md#limits.
 *
 * @param maxDecompressedSize largest size a gzip upload may expand to
 * @param maxCompressionRatio largest ratio of decompressed to compressed bytes (checked
 * after the first 64 MB)
 * @param maxLineChars longest line (and CSV record)
 * @param maxColumns most fields in a CSV record
 * @param maxCellChars longest CSV field or JSON string
 * @param maxRows most lines in a text file
 * @param maxNestingDepth deepest nesting of JSON or XML
 * @param maxTextChars longest XML text or attribute
 * @param earliestDate earliest day a timestamp may fall on
 * @param latestDate latest day a timestamp may fall on
 */
@ConfigurationProperties("greenledger.ingestion.limits")
record LimitsProperties(@DefaultValue("16GB") DataSize maxDecompressedSize,
		@DefaultValue("200") int maxCompressionRatio, @DefaultValue("4194304") int maxLineChars,
		@DefaultValue("5000") int maxColumns, @DefaultValue("1048576") int maxCellChars,
		@DefaultValue("500000000") long maxRows, @DefaultValue("32") int maxNestingDepth,
		@DefaultValue("16384") int maxTextChars, @DefaultValue("1970-01-01") LocalDate earliestDate,
		@DefaultValue("2199-12-31") LocalDate latestDate) {

	InputLimits limits() {
		return new InputLimits(this.maxDecompressedSize.toBytes(), this.maxCompressionRatio, this.maxLineChars,
				this.maxColumns, this.maxCellChars, this.maxRows, this.maxNestingDepth, this.maxTextChars,
				this.earliestDate, this.latestDate);
	}

}
