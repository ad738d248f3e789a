package org.greenledger.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * OIDC mode is on when {@code greenledger.security.oidc.issuer-uri} is set (and not
 * blank); otherwise local mode.
 */
final class OidcMode {

	static final String ISSUER_PROPERTY = "greenledger.security.oidc.issuer-uri";

	private OidcMode() {
	}

	private static boolean on(ConditionContext context) {
		return StringUtils.hasText(context.getEnvironment().getProperty(ISSUER_PROPERTY));
	}

	/** Matches in OIDC mode. */
	static final class On implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return on(context);
		}

	}

	/** Matches in local mode. */
	static final class Off implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !on(context);
		}

	}

}
