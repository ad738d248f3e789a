package org.greenledger.demo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.greenledger.demo.DemoData;
import org.greenledger.demo.DemoExamples;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every rendered portal page the demo's status ({@code demoStatus}), so that the
 * layout shows the demo banner while demo data is present, and whether the installation
 * is empty ({@code demoOffer}: the dashboard then offers to load the demo); the Data
 * sources page gets the example files ({@code exampleFiles}).
 */
class DemoBannerInterceptor implements HandlerInterceptor {

	private final DemoData demo;

	DemoBannerInterceptor(DemoData demo) {
		this.demo = demo;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView == null
				|| (modelAndView.getViewName() != null && (modelAndView.getViewName().startsWith("redirect:")
						|| modelAndView.getViewName().startsWith("forward:")))) {
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("/data-sources".equals(path)) {
			modelAndView.addObject("exampleFiles", DemoExamples.all());
		}
		var status = this.demo.status();
		modelAndView.addObject("demoStatus", status);
		if (!status.present() && "/".equals(path)) {
			modelAndView.addObject("demoOffer", this.demo.installationEmpty());
		}
	}

}
