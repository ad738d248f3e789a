package org.greenledger.security;

import org.springframework.data.relational.core.mapping.Table;

/** A role held by a user account (table {@code user_role}). */
@Table("user_role")
record RoleAssignment(Role role) {

}
