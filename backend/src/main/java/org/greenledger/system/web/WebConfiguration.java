package org.greenledger.system.web;

import org.greenledger.system.GreenLedgerProperties;
import org.greenledger.system.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final PortalNavigation navigation;

	WebConfiguration(PortalNavigation navigation) {
		this.navigation = navigation;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new NavigationInterceptor(this.navigation)).excludePathPatterns("/api/**");
	}

	@Bean
	static FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(GreenLedgerProperties properties,
			ProblemResponses problems) {
		var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties, problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
