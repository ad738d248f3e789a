package org.greenledger.security.api;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.greenledger.security.IdentityProvider;
import org.greenledger.security.UserAccount;
import org.greenledger.security.UserAccounts;
import org.greenledger.security.UserAlreadyExistsException;
import org.greenledger.security.WeakPasswordException;
import org.greenledger.system.ApiProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Local users: who am I, and (for ADMIN) list, create and change users: roles, org units,
 * disabled or enabled.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users", description = "Local users and roles (local security mode)")
class UserApiController {

	private final UserAccounts accounts;

	private final ObjectProvider<IdentityProvider> provider;

	UserApiController(UserAccounts accounts, ObjectProvider<IdentityProvider> provider) {
		this.accounts = accounts;
		this.provider = provider;
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in user and their roles")
	CurrentUser me(Authentication authentication) {
		return new CurrentUser(authentication.getName(),
				authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.filter(authority -> authority.startsWith("ROLE_"))
					.map(authority -> authority.substring("ROLE_".length()))
					.sorted()
					.toList());
	}

	@GetMapping("/users")
	@Operation(summary = "All local users (ADMIN)")
	List<UserView> users() {
		return this.accounts.all().stream().map(UserView::of).toList();
	}

	@GetMapping("/users/{username}")
	@Operation(summary = "One local user (ADMIN)")
	UserView user(@PathVariable String username) {
		return this.accounts.find(username)
			.map(UserView::of)
			.orElseThrow(() -> ApiProblemException.notFound("No user named '" + username + "'."));
	}

	@PostMapping("/users")
	@Operation(summary = "Create a local user (ADMIN)",
			description = "409 when the name is taken or users are managed by an identity provider (OIDC mode), "
					+ "422 when a field is invalid, the password too short or an org unit not registered or "
					+ "deactivated. Recorded in the audit log (USER_CREATED).")
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser request, Authentication authentication) {
		requireLocalUsers();
		try {
			UserAccount account = this.accounts.create(request.username(), request.password(), request.roles(),
					(request.orgUnits() != null) ? request.orgUnits() : Set.of(), authentication.getName());
			URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
				.path("/{username}")
				.buildAndExpand(account.username())
				.toUri();
			return ResponseEntity.created(location).body(UserView.of(account));
		}
		catch (UserAlreadyExistsException ex) {
			throw ApiProblemException.conflict(ex.getMessage());
		}
		catch (WeakPasswordException ex) {
			throw ApiProblemException.unprocessable(ex.getMessage());
		}
	}

	@PutMapping("/users/{username}/roles")
	@Operation(summary = "Replace a user's roles (ADMIN)",
			description = "409 in OIDC mode, 422 without roles, or when administrators would remove their own ADMIN role. Recorded in"
					+ " the audit log with before and after (USER_ROLES_CHANGED).")
	UserView changeRoles(@PathVariable String username, @Valid @RequestBody UserChange.Roles request,
			Authentication authentication) {
		requireLocalUsers();
		return UserView.of(this.accounts.changeRoles(username, request.roles(), authentication.getName()));
	}

	@PutMapping("/users/{username}/org-units")
	@Operation(summary = "Replace the org units whose data a user sees (ADMIN); none: unrestricted",
			description = "409 in OIDC mode, 422 for a unit that is not registered, or deactivated and not assigned yet. Recorded in"
					+ " the audit log with before and after (USER_ORG_UNITS_CHANGED).")
	UserView changeOrgUnits(@PathVariable String username, @Valid @RequestBody UserChange.OrgUnits request,
			Authentication authentication) {
		requireLocalUsers();
		return UserView.of(this.accounts.changeOrgUnits(username, request.orgUnits(), authentication.getName()));
	}

	@PutMapping("/users/{username}/enabled")
	@Operation(summary = "Disable or enable a user (ADMIN)",
			description = "A disabled user cannot sign in, and an open portal session of theirs ends. 409 in OIDC"
					+ " mode, 422 when"
					+ " administrators would disable themselves. Recorded in the audit log (USER_DISABLED,"
					+ " USER_ENABLED).")
	UserView setEnabled(@PathVariable String username, @Valid @RequestBody UserChange.Enabled request,
			Authentication authentication) {
		requireLocalUsers();
		return UserView.of(this.accounts.setEnabled(username, request.enabled(), authentication.getName()));
	}

	/**
	 * In OIDC mode users, their roles and org units live in the identity provider: local
	 * users could not sign in, so they are not changed either.
	 */
	private void requireLocalUsers() {
		IdentityProvider external = this.provider.getIfAvailable();
		if (external != null) {
			throw ApiProblemException.conflict("Users and their roles are managed in " + external.name()
					+ " (OIDC mode); local users cannot sign in and are not changed here.");
		}
	}

}
