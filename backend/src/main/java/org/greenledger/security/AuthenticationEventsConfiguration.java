package org.greenledger.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * Publishes every failed authentication as an event, also those whose exception Spring
 * Security has no event type for (such as an OIDC login's), so that {@link SignInAuditor}
 * sees them all. Every filter chain's authentication manager uses this publisher.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationEventsConfiguration {

	@Bean
	DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
		events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		return events;
	}

}
