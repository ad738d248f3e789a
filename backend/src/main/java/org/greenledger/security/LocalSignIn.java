package org.greenledger.security;

import org.greenledger.system.ProblemResponses;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Local mode: the portal's sign-in form and HTTP Basic on the API, against the database.
 */
class LocalSignIn implements SignInMode {

	private final ProblemSecurityHandlers handlers;

	LocalSignIn(ProblemResponses problems) {
		this.handlers = ProblemSecurityHandlers.basic(problems);
	}

	@Override
	public void api(HttpSecurity http) throws Exception {
		http.httpBasic(basic -> basic.authenticationEntryPoint(this.handlers))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(this.handlers)
				.accessDeniedHandler(this.handlers));
	}

	@Override
	public void portal(HttpSecurity http) throws Exception {
		http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
	}

}
