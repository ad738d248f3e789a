package org.greenledger.reports;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a document's numbers come from, printed on its last page.
 *
 * @param greenLedgerVersion the GreenLedger version that produced it
 * @param methodVersion the calculation method version
 * @param factorDatasets the emission factor datasets used
 * @param sourceFiles the source files the numbers were calculated from
 * @param reportId the report identifier
 * @param contentHash the hash of the report's content, or {@code null} while it is not
 * known yet (renderers print a placeholder)
 */
public record Provenance(String greenLedgerVersion, String methodVersion, List<FactorDataset> factorDatasets,
		List<SourceFile> sourceFiles, String reportId, @Nullable String contentHash) {

	public Provenance {
		Objects.requireNonNull(greenLedgerVersion, "greenLedgerVersion");
		Objects.requireNonNull(methodVersion, "methodVersion");
		factorDatasets = List.copyOf(factorDatasets);
		sourceFiles = List.copyOf(sourceFiles);
		Objects.requireNonNull(reportId, "reportId");
	}

	/**
	 * An emission factor dataset and its version.
	 *
	 * @param name the dataset name
	 * @param version the version
	 */
	public record FactorDataset(String name, String version) {

		public FactorDataset {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(version, "version");
		}

	}

	/**
	 * A source file and its SHA-256.
	 *
	 * @param name the file name
	 * @param sha256 the SHA-256 in hexadecimal
	 */
	public record SourceFile(String name, String sha256) {

		public SourceFile {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(sha256, "sha256");
		}

	}

}
