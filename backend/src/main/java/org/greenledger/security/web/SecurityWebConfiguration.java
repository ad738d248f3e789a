package org.greenledger.security.web;

import org.greenledger.security.UserAccounts;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SecurityWebConfiguration implements WebMvcConfigurer {

	private final UserAccounts accounts;

	SecurityWebConfiguration(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new DisabledAccountInterceptor(this.accounts))
			.excludePathPatterns("/api/**", "/actuator/**", "/css/**", "/js/**", "/images/**", "/webjars/**",
					"/favicon.ico", "/login", "/error", "/error/**");
	}

}
