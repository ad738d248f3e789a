package org.greenledger.system.web;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The portal's main navigation. An entry is a link once some feature serves a page at its
 * path; until then it is shown as not yet available, so the navigation never leads to a
 * missing page.
 */
@Component
class PortalNavigation {

	private static final List<NavigationItem> ITEMS = List.of(new NavigationItem("/", "nav.dashboard", Set.of(), false),
			new NavigationItem("/data-sources", "nav.data-sources", Set.of(), false),
			new NavigationItem("/explorer", "nav.explorer", Set.of(), false),
			new NavigationItem("/reconciliation", "nav.reconciliation", Set.of(), false),
			new NavigationItem("/calculator", "nav.calculator", Set.of(), false),
			new NavigationItem("/factors", "nav.factors", Set.of(), false),
			new NavigationItem("/sites", "nav.sites", Set.of(), false),
			new NavigationItem("/workloads", "nav.workloads", Set.of(), false),
			new NavigationItem("/reports", "nav.reports", Set.of(), false),
			new NavigationItem("/connectors", "nav.connectors", Set.of("ROLE_ADMIN", "ROLE_SUSTAINABILITY_OFFICER"),
					false),
			new NavigationItem("/suppliers", "nav.suppliers", Set.of(), false),
			new NavigationItem("/evaluations", "nav.evaluations", Set.of(), false),
			new NavigationItem("/audit", "nav.audit", Set.of("ROLE_ADMIN", "ROLE_AUDITOR"), false),
			new NavigationItem("/settings", "nav.settings", Set.of("ROLE_ADMIN", "ROLE_AUDITOR"), false));

	private final Supplier<List<NavigationItem>> items;

	PortalNavigation(
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlerMapping) {
		this.items = SingletonSupplier.of(() -> resolve(handlerMapping.getObject()));
	}

	List<NavigationItem> itemsFor(Authentication authentication) {
		Set<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		return this.items.get()
			.stream()
			.filter(item -> item.roles().isEmpty() || item.roles().stream().anyMatch(authorities::contains))
			.toList();
	}

	private static List<NavigationItem> resolve(RequestMappingHandlerMapping handlerMapping) {
		Set<String> pages = handlerMapping.getHandlerMethods()
			.keySet()
			.stream()
			.filter(PortalNavigation::servesGet)
			.flatMap(info -> info.getPatternValues().stream())
			.collect(Collectors.toSet());
		return ITEMS.stream().map(item -> item.available(pages.contains(item.path()))).toList();
	}

	private static boolean servesGet(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() || methods.contains(RequestMethod.GET);
	}

}
