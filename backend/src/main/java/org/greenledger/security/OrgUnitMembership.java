package org.greenledger.security;

import org.springframework.data.relational.core.mapping.Table;

/** An org unit a user account is assigned to (table {@code user_org_unit}). */
@Table("user_org_unit")
record OrgUnitMembership(String orgUnit) {

}
