package org.greenledger.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where users come from: this installation's own accounts (local mode), or an OIDC
 * identity provider such as Keycloak when an issuer is configured
 * ({@code greenledger.security.oidc.issuer-uri}), in which case users, roles and org
 * units are managed there. The conditions {@link Oidc} and {@link Local} choose the beans
 * of each mode.
 */
@Component
public class IdentityMode {

	static final String ISSUER_PROPERTY = "greenledger.security.oidc.issuer-uri";

	private final boolean oidc;

	IdentityMode(Environment environment) {
		this.oidc = oidc(environment);
	}

	/** Whether users sign in through an OIDC identity provider. */
	public boolean oidc() {
		return this.oidc;
	}

	private static boolean oidc(Environment environment) {
		return StringUtils.hasText(environment.getProperty(ISSUER_PROPERTY));
	}

	/** Matches in OIDC mode. */
	static final class Oidc implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return oidc(context.getEnvironment());
		}

	}

	/** Matches in local mode. */
	static final class Local implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !oidc(context.getEnvironment());
		}

	}

}
