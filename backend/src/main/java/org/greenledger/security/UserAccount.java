package org.greenledger.security;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A local user: name, password hash and roles. The password itself is never kept.
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

	@PersistenceCreator
	UserAccount(UUID id, String username, String passwordHash, boolean enabled, Instant createdAt,
			@Nullable Long version, Set<RoleAssignment> roles) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.createdAt = createdAt;
		this.version = version;
		this.roles = roles;
	}

	static UserAccount create(String username, String passwordHash, Set<Role> roles, Instant now) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("A user needs at least one role");
		}
		Set<RoleAssignment> assignments = roles.stream().map(RoleAssignment::new).collect(Collectors.toSet());
		return new UserAccount(UUID.randomUUID(), username, passwordHash, true, now, null, assignments);
	}

	void changePasswordHash(String newHash) {
		this.passwordHash = newHash;
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

}
