package org.greenledger.system.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header and its authentication (HTTP Basic in local mode). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "GreenLedger API", version = "v1",
		description = "Sustainability reporting and green procurement for AI and cloud compute. Errors are"
				+ " RFC 9457 problem details (application/problem+json).",
		license = @License(name = "Apache-2.0")), security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {

}
