package org.greenledger.connectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code greenledger.connectors.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
class ConnectorsConfiguration {

}
