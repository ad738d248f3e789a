package org.greenledger.security;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UserAccountRepository extends ListCrudRepository<UserAccount, UUID> {

	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	/** Whether the user is enabled; null when there is no such user. */
	@Query("select enabled from app_user where username = :username")
	@Nullable Boolean findEnabledByUsername(String username);

}
