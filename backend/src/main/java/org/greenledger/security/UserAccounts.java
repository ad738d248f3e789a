package org.greenledger.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.greenledger.audit.AuditLog;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates local users, changes their passwords, roles and org units, disables and enables
 * them; user names are kept in lower case. Every change an administrator makes is written
 * to the audit log with before and after.
 */
@Service
public class UserAccounts {

	/** The actor of changes GreenLedger makes itself (the first admin account). */
	static final String SYSTEM = "system";

	static final int MIN_PASSWORD_LENGTH = 12;

	/** User names: 2 to 100 letters, digits, '.', '_', '@' or '-'. */
	static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,99}");

	/**
	 * bcrypt uses at most 72 bytes of a password; longer ones are refused, not truncated.
	 */
	static final int MAX_PASSWORD_BYTES = 72;

	private final UserAccountRepository repository;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final OrgUnits orgUnits;

	private final AuditLog audit;

	UserAccounts(UserAccountRepository repository, PasswordEncoder passwordEncoder, Clock clock, OrgUnits orgUnits,
			AuditLog audit) {
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.orgUnits = orgUnits;
		this.audit = audit;
	}

	/**
	 * Creates a user with no org unit (unrestricted), recorded as created by GreenLedger
	 * itself.
	 * @throws UserAlreadyExistsException when the name is taken
	 * @throws WeakPasswordException when the password is too short
	 */
	@Transactional
	public UserAccount create(String username, String password, Set<Role> roles) {
		return create(username, password, roles, Set.of(), SYSTEM);
	}

	/**
	 * Creates a user.
	 * @param orgUnits codes of registered, active org units; none: unrestricted
	 * @param actor who creates it
	 * @throws UserAlreadyExistsException when the name is taken
	 * @throws WeakPasswordException when the password is too short
	 * @throws ApiProblemException (422) when there is no role or an org unit is unknown
	 * or deactivated
	 */
	@Transactional
	public UserAccount create(String username, String password, Set<Role> roles, Set<String> orgUnits, String actor) {
		String name = normalize(username);
		if (!USERNAME.matcher(name).matches()) {
			throw ApiProblemException.invalidFields(List.of(new FieldProblem("username",
					"2 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")));
		}
		checkStrength(password);
		checkRoles(roles);
		Set<String> units = checkOrgUnits(orgUnits, Set.of());
		if (this.repository.existsByUsername(name)) {
			throw new UserAlreadyExistsException(name);
		}
		UserAccount account;
		try {
			account = this.repository.save(UserAccount.create(name, this.passwordEncoder.encode(password), roles, units,
					this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			throw new UserAlreadyExistsException(name);
		}
		this.audit.record(actor, "USER_CREATED", subject(name), Map.of("after", state(account)));
		return account;
	}

	/**
	 * Replaces a user's roles.
	 * @throws ApiProblemException 404 for an unknown user; 422 for no roles, or when an
	 * administrator would remove their own ADMIN role
	 */
	@Transactional
	public UserAccount changeRoles(String username, Set<Role> roles, String actor) {
		UserAccount account = require(username);
		checkRoles(roles);
		if (isSelf(account, actor) && account.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
			throw ApiProblemException.unprocessable(
					"You cannot remove your own ADMIN role: another administrator has to do that, so that the"
							+ " installation always keeps one.");
		}
		if (account.roles().equals(roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles))) {
			return account;
		}
		Map<String, Object> before = Map.of("roles", sorted(account.roles()));
		account.changeRoles(roles);
		UserAccount saved = this.repository.save(account);
		this.audit.record(actor, "USER_ROLES_CHANGED", subject(saved.username()),
				Map.of("before", before, "after", Map.of("roles", sorted(saved.roles()))));
		return saved;
	}

	/**
	 * Replaces the org units a user is assigned to (none: unrestricted).
	 * @throws ApiProblemException 404 for an unknown user; 422 for an unknown unit, or a
	 * deactivated unit the user was not assigned to yet
	 */
	@Transactional
	public UserAccount changeOrgUnits(String username, Set<String> orgUnits, String actor) {
		UserAccount account = require(username);
		Set<String> units = checkOrgUnits(orgUnits, account.orgUnits());
		if (account.orgUnits().equals(units)) {
			return account;
		}
		Map<String, Object> before = Map.of("orgUnits", List.copyOf(account.orgUnits()));
		account.changeOrgUnits(units);
		UserAccount saved = this.repository.save(account);
		this.audit.record(actor, "USER_ORG_UNITS_CHANGED", subject(saved.username()),
				Map.of("before", before, "after", Map.of("orgUnits", List.copyOf(saved.orgUnits()))));
		return saved;
	}

	/**
	 * Disables a user (they can no longer sign in, and an open portal session of theirs
	 * ends) or enables them again.
	 * @throws ApiProblemException 404 for an unknown user; 422 when an administrator
	 * would disable themselves
	 */
	@Transactional
	public UserAccount setEnabled(String username, boolean enabled, String actor) {
		UserAccount account = require(username);
		if (!enabled && isSelf(account, actor)) {
			throw ApiProblemException
				.unprocessable("You cannot disable your own account: another administrator has to do that.");
		}
		if (account.enabled() == enabled) {
			return account;
		}
		account.enable(enabled);
		UserAccount saved = this.repository.save(account);
		this.audit.record(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", subject(saved.username()),
				Map.of("before", Map.of("enabled", !enabled), "after", Map.of("enabled", enabled)));
		return saved;
	}

	/** Whether a local user of that name exists and is disabled. */
	public boolean isDisabled(String username) {
		return Boolean.FALSE.equals(this.repository.findEnabledByUsername(normalize(username)));
	}

	private UserAccount require(String username) {
		return find(username).orElseThrow(() -> ApiProblemException.notFound("No user named '" + username + "'."));
	}

	private static boolean isSelf(UserAccount account, String actor) {
		return account.username().equals(normalize(actor));
	}

	private static void checkRoles(Set<Role> roles) {
		if (roles.isEmpty()) {
			throw ApiProblemException.invalidFields(List.of(new FieldProblem("roles", "at least one role")));
		}
	}

	/**
	 * The codes, each a registered unit; a unit not among {@code current} must be active.
	 */
	private Set<String> checkOrgUnits(Set<String> codes, Set<String> current) {
		Set<String> units = new TreeSet<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (String code : codes) {
			String wanted = code.strip();
			Optional<OrgUnit> unit = this.orgUnits.byCode(wanted);
			if (unit.isEmpty()) {
				problems.add(new FieldProblem("orgUnits", "'" + wanted + "' is not a registered org unit"));
			}
			else if (!unit.get().active() && !current.contains(wanted)) {
				problems.add(new FieldProblem("orgUnits", "org unit '" + wanted + "' is deactivated"));
			}
			else {
				units.add(unit.get().code());
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		return units;
	}

	private static String subject(String username) {
		return "user:" + username;
	}

	private static Map<String, Object> state(UserAccount account) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", account.username());
		state.put("roles", sorted(account.roles()));
		state.put("orgUnits", List.copyOf(account.orgUnits()));
		state.put("enabled", account.enabled());
		return state;
	}

	private static List<String> sorted(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().toList();
	}

	/**
	 * Changes a user's password after checking the current one.
	 * @return false when the current password is wrong
	 */
	@Transactional
	public boolean changePassword(String username, String currentPassword, String newPassword) {
		checkStrength(newPassword);
		UserAccount account = this.repository.findByUsername(normalize(username)).orElse(null);
		if (account == null || !this.passwordEncoder.matches(currentPassword, account.passwordHash())) {
			return false;
		}
		account.changePasswordHash(this.passwordEncoder.encode(newPassword));
		this.repository.save(account);
		// who and when only: neither password nor hash is ever recorded
		this.audit.record(account.username(), "USER_PASSWORD_CHANGED", subject(account.username()), Map.of());
		return true;
	}

	public Optional<UserAccount> find(String username) {
		return this.repository.findByUsername(normalize(username));
	}

	/** Every local user, by name. */
	public List<UserAccount> all() {
		return this.repository.findAll()
			.stream()
			.sorted(java.util.Comparator.comparing(UserAccount::username))
			.toList();
	}

	boolean exists(String username) {
		return this.repository.existsByUsername(normalize(username));
	}

	static String normalize(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private static void checkStrength(String password) {
		if (password.length() < MIN_PASSWORD_LENGTH
				|| password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new WeakPasswordException(MIN_PASSWORD_LENGTH, MAX_PASSWORD_BYTES);
		}
	}

}
