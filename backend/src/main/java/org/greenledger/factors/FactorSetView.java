package org.greenledger.factors;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of a factor set with its values.
 *
 * @param id the set
 * @param name its name
 * @param description what it is for
 * @param version this version's number
 * @param versions how many versions the set has
 * @param createdAt when this version was made
 * @param createdBy who made it
 * @param note why
 * @param values its values
 */
public record FactorSetView(UUID id, String name, String description, int version, int versions, Instant createdAt,
		String createdBy, String note, List<UserFactor> values) {

}
