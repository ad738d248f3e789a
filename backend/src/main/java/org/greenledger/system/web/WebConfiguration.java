package org.greenledger.system.web;

import org.greenledger.system.GreenLedgerProperties;
import org.greenledger.system.ProblemResponses;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
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

	/**
	 * Request bodies read from the socket in blocks of up to 64 KiB instead of Tomcat's 8
	 * KiB: an upload of hundreds of MB takes an eighth of the reads (system calls, and
	 * copies out of the JDK's temporary direct buffer). Each connection's read buffer is
	 * that size.
	 */
	@Bean
	TomcatConnectorCustomizer largeSocketReads() {
		return connector -> connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_READ_BYTES));
	}

	static final int SOCKET_READ_BYTES = 1 << 16;

	@Bean
	static FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(GreenLedgerProperties properties,
			ProblemResponses problems) {
		var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties, problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
