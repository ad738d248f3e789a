package org.greenledger.procurement.pact;

import java.util.List;

/**
 * A valid PACT document: its footprints in document order. A document with any error is
 * never returned (see {@link PactValidationException}), so this only carries warnings,
 * observations that do not make a footprint invalid (for example a {@code Deprecated}
 * status).
 *
 * @param footprints the normalized footprints, at least one
 * @param warnings non-blocking observations, each with its JSON path
 */
public record PactDocument(List<ProductFootprint> footprints, List<PactError> warnings) {

	public PactDocument {
		footprints = List.copyOf(footprints);
		warnings = List.copyOf(warnings);
	}

}
