package org.greenledger.security.web;

import org.greenledger.security.IdentityProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: the form in local mode (Spring Security handles its POST), the way to
 * the identity provider in OIDC mode.
 */
@Controller
class LoginController {

	private final ObjectProvider<IdentityProvider> provider;

	LoginController(ObjectProvider<IdentityProvider> provider) {
		this.provider = provider;
	}

	@GetMapping("/login")
	String login(Model model) {
		this.provider.ifAvailable(provider -> model.addAttribute("provider", provider));
		return "login";
	}

}
