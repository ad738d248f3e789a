package org.greenledger.security.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.greenledger.periods.ReportingPeriods;
import org.greenledger.security.IdentityMode;
import org.greenledger.security.OrgUnit;
import org.greenledger.security.OrgUnits;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccount;
import org.greenledger.security.UserAccounts;
import org.greenledger.security.UserAlreadyExistsException;
import org.greenledger.security.WeakPasswordException;
import org.greenledger.system.ApiProblemException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Organisation settings: org units (with how much data each holds), reporting periods,
 * and, in local mode, users with their roles, org units and whether they may sign in.
 * ADMIN changes them; AUDITOR reads them.
 */
@Controller
class SettingsController {

	private final OrgUnits units;

	private final UserAccounts accounts;

	private final ReportingPeriods periods;

	private final IdentityMode mode;

	private final MessageSource messages;

	SettingsController(OrgUnits units, UserAccounts accounts, ReportingPeriods periods, IdentityMode mode,
			MessageSource messages) {
		this.units = units;
		this.accounts = accounts;
		this.periods = periods;
		this.mode = mode;
		this.messages = messages;
	}

	@GetMapping("/settings")
	String settings(Model model) {
		model.addAttribute("units", this.units.all());
		model.addAttribute("usage", this.units.usage());
		model.addAttribute("periods", this.periods.all());
		model.addAttribute("oidc", this.mode.oidc());
		model.addAttribute("users", this.mode.oidc() ? List.of() : this.accounts.all());
		model.addAttribute("roles", Role.values());
		model.addAttribute("activeUnits", this.units.active());
		return "settings";
	}

	@GetMapping("/settings/users/{username}")
	String user(@PathVariable String username, Model model) {
		UserAccount account = this.accounts.find(username)
			.orElseThrow(() -> ApiProblemException.notFound("No user named '" + username + "'."));
		model.addAttribute("account", account);
		model.addAttribute("roles", Role.values());
		// units the user may be given: active ones, and those they already have
		model.addAttribute("assignable",
				this.units.all()
					.stream()
					.filter(unit -> unit.active() || account.orgUnits().contains(unit.code()))
					.toList());
		return "settings-user";
	}

	@PostMapping("/settings/org-units")
	String createUnit(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String name, Authentication user, RedirectAttributes redirect,
			Locale locale) {
		return act("/settings", redirect, () -> {
			OrgUnit unit = this.units.create(code, name, user.getName());
			return message("settings.orgunits.created", locale, unit.code());
		});
	}

	@PostMapping("/settings/org-units/{id}/name")
	String renameUnit(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name, Authentication user,
			RedirectAttributes redirect, Locale locale) {
		return act("/settings", redirect, () -> {
			OrgUnit unit = this.units.rename(id, name, user.getName());
			return message("settings.orgunits.renamed", locale, unit.code(), unit.name());
		});
	}

	@PostMapping("/settings/org-units/{id}/active")
	String activateUnit(@PathVariable UUID id, @RequestParam boolean active, Authentication user,
			RedirectAttributes redirect, Locale locale) {
		return act("/settings", redirect, () -> {
			OrgUnit unit = this.units.setActive(id, active, user.getName());
			return message(active ? "settings.orgunits.reactivated" : "settings.orgunits.deactivated", locale,
					unit.code());
		});
	}

	@PostMapping("/settings/periods")
	String createPeriod(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable LocalDate start,
			@RequestParam(required = false) @Nullable LocalDate end, Authentication user, RedirectAttributes redirect,
			Locale locale) {
		return act("/settings", redirect, () -> {
			this.periods.create(name, start, end, user.getName());
			return message("settings.periods.created", locale, String.valueOf(name).strip());
		});
	}

	@PostMapping("/settings/users")
	String createUser(@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable List<String> roles,
			@RequestParam(required = false) @Nullable List<String> orgUnits, Authentication user,
			RedirectAttributes redirect, Locale locale) {
		return act("/settings", redirect, () -> {
			requireLocalMode(locale);
			UserAccount account = this.accounts.create((username != null) ? username : "",
					(password != null) ? password : "", roles(roles), codes(orgUnits), user.getName());
			return message("settings.users.created-message", locale, account.username());
		});
	}

	@PostMapping("/settings/users/{username}/roles")
	String changeRoles(@PathVariable String username, @RequestParam(required = false) @Nullable List<String> roles,
			Authentication user, RedirectAttributes redirect, Locale locale) {
		return act(userPage(username), redirect, () -> {
			requireLocalMode(locale);
			this.accounts.changeRoles(username, roles(roles), user.getName());
			return message("settings.users.roles-changed", locale, username);
		});
	}

	@PostMapping("/settings/users/{username}/org-units")
	String changeOrgUnits(@PathVariable String username,
			@RequestParam(required = false) @Nullable List<String> orgUnits, Authentication user,
			RedirectAttributes redirect, Locale locale) {
		return act(userPage(username), redirect, () -> {
			requireLocalMode(locale);
			this.accounts.changeOrgUnits(username, codes(orgUnits), user.getName());
			return message("settings.users.orgunits-changed", locale, username);
		});
	}

	@PostMapping("/settings/users/{username}/enabled")
	String setEnabled(@PathVariable String username, @RequestParam boolean enabled, Authentication user,
			RedirectAttributes redirect, Locale locale) {
		return act(userPage(username), redirect, () -> {
			requireLocalMode(locale);
			this.accounts.setEnabled(username, enabled, user.getName());
			return message(enabled ? "settings.users.enabled" : "settings.users.disabled", locale, username);
		});
	}

	/**
	 * Carries out a change and redirects to {@code page} with its confirmation, or with
	 * the problems that kept it from being made.
	 */
	private static String act(String page, RedirectAttributes redirect, Supplier<String> change) {
		try {
			redirect.addFlashAttribute("message", change.get());
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		catch (UserAlreadyExistsException | WeakPasswordException ex) {
			redirect.addFlashAttribute("problems", List.of(ex.getMessage()));
		}
		return "redirect:" + page;
	}

	private void requireLocalMode(Locale locale) {
		if (this.mode.oidc()) {
			throw ApiProblemException.unprocessable(message("settings.users.oidc", locale));
		}
	}

	private static Set<Role> roles(@Nullable List<String> names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : (names != null) ? names : List.<String>of()) {
			try {
				roles.add(Role.valueOf(name.strip()));
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblemException.invalidFields(List.of(new ApiProblemException.FieldProblem("roles",
						"unknown role '" + name + "'; one of " + List.of(Role.values()))));
			}
		}
		return roles;
	}

	private static Set<String> codes(@Nullable List<String> codes) {
		return (codes != null) ? new TreeSet<>(codes) : Set.of();
	}

	private static String userPage(String username) {
		return "/settings/users/" + UriUtils.encodePathSegment(username, java.nio.charset.StandardCharsets.UTF_8);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
