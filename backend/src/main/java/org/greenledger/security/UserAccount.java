package org.greenledger.security;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A local user: name, password hash, roles and the org units whose data they see. The
 * password itself is never kept.
 */
@Table("app_user")
public class UserAccount {

	@Id
	private final UUID id;

	private final String username;

	private String passwordHash;

	private boolean enabled;

	private final Instant createdAt;

	@Version
	private @Nullable Long version;

	@MappedCollection(idColumn = "user_id")
	private Set<RoleAssignment> roles;

	@MappedCollection(idColumn = "user_id")
	private Set<OrgUnitMembership> orgUnits;

	@PersistenceCreator
	UserAccount(UUID id, String username, String passwordHash, boolean enabled, Instant createdAt,
			@Nullable Long version, Set<RoleAssignment> roles, Set<OrgUnitMembership> orgUnits) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.createdAt = createdAt;
		this.version = version;
		this.roles = roles;
		this.orgUnits = orgUnits;
	}

	static UserAccount create(String username, String passwordHash, Set<Role> roles, Instant now) {
		return create(username, passwordHash, roles, Set.of(), now);
	}

	static UserAccount create(String username, String passwordHash, Set<Role> roles, Set<String> orgUnits,
			Instant now) {
		return new UserAccount(UUID.randomUUID(), username, passwordHash, true, now, null, assignments(roles),
				memberships(orgUnits));
	}

	void changePasswordHash(String newHash) {
		this.passwordHash = newHash;
	}

	void changeRoles(Set<Role> roles) {
		this.roles = assignments(roles);
	}

	void changeOrgUnits(Set<String> orgUnits) {
		this.orgUnits = memberships(orgUnits);
	}

	void enable(boolean enabled) {
		this.enabled = enabled;
	}

	private static Set<RoleAssignment> assignments(Set<Role> roles) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("A user needs at least one role");
		}
		return roles.stream().map(RoleAssignment::new).collect(Collectors.toSet());
	}

	private static Set<OrgUnitMembership> memberships(Set<String> orgUnits) {
		return orgUnits.stream().map(OrgUnitMembership::new).collect(Collectors.toSet());
	}

	public UUID id() {
		return this.id;
	}

	public String username() {
		return this.username;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	public boolean enabled() {
		return this.enabled;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Set<Role> roles() {
		Set<Role> result = EnumSet.noneOf(Role.class);
		this.roles.forEach(assignment -> result.add(assignment.role()));
		return Collections.unmodifiableSet(result);
	}

	/**
	 * The codes of the org units the user is assigned to, sorted; empty: unrestricted.
	 */
	public Set<String> orgUnits() {
		Set<String> codes = new TreeSet<>();
		this.orgUnits.forEach(membership -> codes.add(membership.orgUnit()));
		return Collections.unmodifiableSet(codes);
	}

}
