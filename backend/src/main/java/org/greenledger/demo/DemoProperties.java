package org.greenledger.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo organisation.
 *
 * @param enabled load the demo organisation at start-up when it is not present
 * ({@code GREENLEDGER_DEMO_DATA=true})
 */
@ConfigurationProperties("greenledger.demo")
record DemoProperties(boolean enabled) {
}
