package org.greenledger.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings.
 *
 * @param adminPassword password of the {@code admin} user created on the first start;
 * when empty a password is generated and printed once to the log
 */
@ConfigurationProperties("greenledger.security")
record SecurityProperties(@Nullable String adminPassword) {

}
