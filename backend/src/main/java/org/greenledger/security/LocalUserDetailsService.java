package org.greenledger.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Signs local users in against the accounts in the database. */
@Component
class LocalUserDetailsService implements UserDetailsService {

	private final UserAccountRepository repository;

	LocalUserDetailsService(UserAccountRepository repository) {
		this.repository = repository;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.repository.findByUsername(UserAccounts.normalize(username))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.disabled(!account.enabled())
			.authorities(account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList())
			.build();
	}

}
