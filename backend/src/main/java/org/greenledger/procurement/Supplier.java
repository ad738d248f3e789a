package org.greenledger.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A supplier with its contacts. */
public record Supplier(UUID id, String name, SupplierType type, @Nullable String website, String description,
		List<Contact> contacts, Instant createdAt, String createdBy) {

	/** A person to ask about the supplier's disclosures. */
	public record Contact(String name, @Nullable String email, @Nullable String role) {
	}

}
