package org.greenledger.system.web;

import java.util.Set;

/**
 * One entry of the portal's main navigation.
 *
 * @param path where it leads
 * @param labelKey message key of its label
 * @param roles roles that see it; empty means every signed-in user
 * @param available whether a page is served at that path yet
 */
record NavigationItem(String path, String labelKey, Set<String> roles, boolean available) {

	NavigationItem available(boolean served) {
		return new NavigationItem(this.path, this.labelKey, this.roles, served);
	}

}
