package org.greenledger.security;

import java.sql.Array;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Signs local users in against the accounts in the database, with one query (the user and
 * its roles) on one connection: loading the aggregate through the repository needed a
 * second connection for the roles while the first was open, which deadlocked the pool as
 * soon as more API requests than connections authenticated at once. Local mode only: in
 * OIDC mode no password is checked here.
 */
@Component
@Conditional(IdentityMode.Local.class)
class LocalUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	LocalUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.jdbc.sql("""
				select u.username, u.password_hash, u.enabled,
				       array_remove(array_agg(r.role::text), null) as roles
				from app_user u left join user_role r on r.user_id = u.id
				where u.username = ? group by u.id""").param(UserAccounts.normalize(username)).query((rs, row) -> {
			List<SimpleGrantedAuthority> authorities = new ArrayList<>();
			Array roles = rs.getArray("roles");
			for (Object role : (Object[]) roles.getArray()) {
				authorities.add(new SimpleGrantedAuthority(Role.valueOf(role.toString()).authority()));
			}
			return User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.disabled(!rs.getBoolean("enabled"))
				.authorities(authorities)
				.build();
		}).optional().orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
