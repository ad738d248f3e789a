package org.greenledger.security.web;

import java.security.Principal;

import org.greenledger.security.IdentityProvider;
import org.greenledger.security.UserAccounts;
import org.greenledger.security.WeakPasswordException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's account page, where they change their password (local mode; in
 * OIDC mode passwords are the identity provider's).
 */
@Controller
class AccountController {

	private final UserAccounts accounts;

	private final ObjectProvider<IdentityProvider> provider;

	AccountController(UserAccounts accounts, ObjectProvider<IdentityProvider> provider) {
		this.accounts = accounts;
		this.provider = provider;
	}

	@ModelAttribute
	void provider(Model model) {
		this.provider.ifAvailable(provider -> model.addAttribute("provider", provider));
	}

	@GetMapping("/account")
	String account() {
		return "account";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Principal principal, Model model, RedirectAttributes redirect) {
		if (this.provider.getIfAvailable() != null) {
			model.addAttribute("error", "account.password.at-provider");
			return "account";
		}
		if (!newPassword.equals(confirmPassword)) {
			model.addAttribute("error", "account.password.mismatch");
			return "account";
		}
		try {
			if (!this.accounts.changePassword(principal.getName(), currentPassword, newPassword)) {
				model.addAttribute("error", "account.password.wrong-current");
				return "account";
			}
		}
		catch (WeakPasswordException ex) {
			model.addAttribute("error", "account.password.too-short");
			return "account";
		}
		redirect.addFlashAttribute("message", "account.password.changed");
		return "redirect:/account";
	}

}
