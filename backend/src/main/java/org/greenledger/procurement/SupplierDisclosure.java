package org.greenledger.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A version of what a supplier disclosed: values by criterion key, with the evidence
 * (document or link, and the document's SHA-256), validity and who entered it.
 */
public record SupplierDisclosure(UUID id, UUID supplierId, int version, String source, Map<String, Object> values,
		String evidence, @Nullable String evidenceSha256, LocalDate validFrom, LocalDate validTo, Instant enteredAt,
		String enteredBy) {

	public boolean validOn(LocalDate date) {
		return !date.isBefore(this.validFrom) && !date.isAfter(this.validTo);
	}

}
