package org.greenledger.demo.web;

import org.greenledger.demo.DemoData;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class DemoWebConfiguration implements WebMvcConfigurer {

	private final DemoData demo;

	DemoWebConfiguration(DemoData demo) {
		this.demo = demo;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new DemoBannerInterceptor(this.demo))
			.excludePathPatterns("/api/**", "/demo/status", "/css/**", "/js/**", "/images/**", "/webjars/**");
	}

}
