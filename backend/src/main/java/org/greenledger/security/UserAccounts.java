package org.greenledger.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates local users and changes their passwords; user names are kept in lower case. */
@Service
public class UserAccounts {

	static final int MIN_PASSWORD_LENGTH = 12;

	/**
	 * bcrypt uses at most 72 bytes of a password; longer ones are refused, not truncated.
	 */
	static final int MAX_PASSWORD_BYTES = 72;

	private final UserAccountRepository repository;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	UserAccounts(UserAccountRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/**
	 * Creates a user.
	 * @throws UserAlreadyExistsException when the name is taken
	 * @throws WeakPasswordException when the password is too short
	 */
	@Transactional
	public UserAccount create(String username, String password, Set<Role> roles) {
		String name = normalize(username);
		checkStrength(password);
		if (this.repository.existsByUsername(name)) {
			throw new UserAlreadyExistsException(name);
		}
		try {
			return this.repository
				.save(UserAccount.create(name, this.passwordEncoder.encode(password), roles, this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			throw new UserAlreadyExistsException(name);
		}
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
		return true;
	}

	public Optional<UserAccount> find(String username) {
		return this.repository.findByUsername(normalize(username));
	}

	public List<UserAccount> all() {
		return this.repository.findAll();
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
