package org.greenledger.security;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation unit data belongs to (a business unit, department or team).
 *
 * @param code how data names it; never changes
 * @param name what people call it; may be renamed
 * @param active whether new data and new assignments may name it; a deactivated unit
 * keeps its data and its users' scopes
 */
public record OrgUnit(UUID id, String code, String name, boolean active, Instant createdAt, String createdBy) {

}
