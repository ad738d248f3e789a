package org.greenledger.connectors;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connectors: created, changed and deleted by ADMIN and SUSTAINABILITY_OFFICER, each
 * change audited (with the settings, and only the names of the secrets). Secrets are
 * write-only: sealed with {@link SecretBox} before they are stored, never returned.
 */
@Service
public class Connectors {

	private final ConnectorStore store;

	private final ConnectorRuns runs;

	private final ConnectorTypes types;

	private final SecretBox secrets;

	private final OrgUnitScopes scopes;

	private final AuditLog audit;

	private final Clock clock;

	Connectors(ConnectorStore store, ConnectorRuns runs, ConnectorTypes types, SecretBox secrets, OrgUnitScopes scopes,
			AuditLog audit, Clock clock) {
		this.store = store;
		this.runs = runs;
		this.types = types;
		this.secrets = secrets;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
	}

	/** The connectors of the scope's org units, by name. */
	public List<Connector> all(OrgUnitScope scope) {
		return this.store.all().stream().filter(c -> scope.includes(c.orgUnit())).map(this::view).toList();
	}

	/**
	 * @throws ApiProblemException 404 when unknown or outside the scope
	 */
	public Connector require(UUID id, OrgUnitScope scope) {
		return view(stored(id, scope));
	}

	@Transactional
	public Connector create(Map<String, ?> body, OrgUnitScope scope, String user) {
		List<FieldProblem> problems = new ArrayList<>();
		ConnectorInput input = ConnectorInput.of(body, problems);
		SourceType type = type(input, problems);
		UUID id = UUID.randomUUID();
		Map<String, String> secretValues = new TreeMap<>();
		Map<String, String> settings = settings(input, type, secretValues, problems);
		StoredConnector connector = validated(id, input, type, settings, secretValues, scope, problems);
		Instant now = Instant.now(this.clock);
		StoredConnector sealed = new StoredConnector(id, connector.name(), connector.type(), connector.schedule(),
				connector.orgUnit(), settings, secretValues.isEmpty() ? null : this.secrets.seal(id, secretValues),
				List.copyOf(secretValues.keySet()), user, now, user, now, 0);
		try {
			this.store.insert(sealed);
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(sealed.name());
		}
		this.audit.record(user, "CONNECTOR_CREATED", "connector " + id, details(sealed, List.of()));
		return view(sealed);
	}

	/**
	 * Changes a connector: the settings are replaced by the request's; a secret left out
	 * is kept, a secret sent empty is removed.
	 */
	@Transactional
	public Connector update(UUID id, Map<String, ?> body, OrgUnitScope scope, String user) {
		StoredConnector current = stored(id, scope);
		List<FieldProblem> problems = new ArrayList<>();
		ConnectorInput input = ConnectorInput.of(body, problems);
		if (input.type() != null && !input.type().equalsIgnoreCase(current.type().name())) {
			problems.add(new FieldProblem("type", "the type of a connector does not change (it is " + current.type()
					+ "); create a new connector instead"));
		}
		SourceType type = this.types.of(current.type())
			.orElseThrow(() -> ApiProblemException.conflict(
					"Connectors of type " + current.type() + " are not available in this version of GreenLedger."));
		Map<String, String> secretValues = new TreeMap<>(
				current.sealedSecrets() == null ? Map.of() : openSecrets(current));
		Map<String, String> settings = settings(input, type, secretValues, problems);
		List<String> changedSecrets = input.settings()
			.keySet()
			.stream()
			.filter(name -> isSecret(type, name))
			.sorted()
			.toList();
		StoredConnector checked = validated(id, input, type, settings, secretValues, scope, problems);
		if (input.version() != null && input.version() != current.version()) {
			throw ApiProblemException.conflict("The connector was changed meanwhile (it is at version "
					+ current.version() + ", the request was made from version " + input.version() + "): reload it.");
		}
		StoredConnector next = new StoredConnector(id, checked.name(), current.type(), checked.schedule(),
				checked.orgUnit(), settings, secretValues.isEmpty() ? null : this.secrets.seal(id, secretValues),
				List.copyOf(secretValues.keySet()), current.createdBy(), current.createdAt(), user,
				Instant.now(this.clock), current.version());
		try {
			if (!this.store.update(next)) {
				throw ApiProblemException.conflict("The connector was changed meanwhile: reload it.");
			}
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(next.name());
		}
		this.audit.record(user, "CONNECTOR_UPDATED", "connector " + id, details(next, changedSecrets));
		return view(this.store.find(id).orElseThrow());
	}

	/** Deletes a connector with its runs; the files it collected stay ingested. */
	@Transactional
	public void delete(UUID id, OrgUnitScope scope, String user) {
		StoredConnector current = stored(id, scope);
		if (this.runs.latest(id).filter(ConnectorRun::active).isPresent()) {
			throw ApiProblemException
				.conflict("Connector " + current.name() + " is running; delete it when its run has" + " finished.");
		}
		this.store.delete(id);
		this.audit.record(user, "CONNECTOR_DELETED", "connector " + id, details(current, List.of()));
	}

	/** The settings and decrypted secrets a type opens its store with (for runs). */
	ConnectorSettings settings(StoredConnector connector) throws ConnectorException {
		return new ConnectorSettings(connector.settings(), (connector.sealedSecrets() == null) ? Map.of()
				: this.secrets.open(connector.id(), connector.sealedSecrets()));
	}

	StoredConnector stored(UUID id, OrgUnitScope scope) {
		return this.store.find(id)
			.filter(c -> scope.includes(c.orgUnit()))
			.orElseThrow(() -> ApiProblemException.notFound("No connector " + id + "."));
	}

	Optional<StoredConnector> find(UUID id) {
		return this.store.find(id);
	}

	List<StoredConnector> scheduled() {
		return this.store.all().stream().filter(c -> c.schedule() != null).toList();
	}

	/** When the connector's schedule runs it next (null without a schedule). */
	@Nullable Instant nextRun(StoredConnector connector) {
		Optional<Schedule> schedule = Schedule.of(connector.schedule());
		if (schedule.isEmpty()) {
			return null;
		}
		Instant since = this.runs.lastQueued(connector.id()).orElse(connector.createdAt());
		return schedule.get().next(since);
	}

	private Connector view(StoredConnector c) {
		ConnectorRun last = this.runs.latest(c.id()).orElse(null);
		ConnectorRun finished = (last != null && !last.active()) ? last
				: this.runs.runs(c.id(), 2).stream().filter(run -> !run.active()).findFirst().orElse(null);
		String health = (finished == null) ? "NEVER_RUN" : "COMPLETED".equals(finished.status()) ? "OK" : "FAILING";
		return new Connector(c.id(), c.name(), c.type(), c.schedule(), c.orgUnit(), c.settings(), c.secretNames(),
				c.createdBy(), c.createdAt(), c.updatedBy(), c.updatedAt(), c.version(), health, last, nextRun(c));
	}

	private Map<String, String> openSecrets(StoredConnector current) {
		try {
			return this.secrets.open(current.id(), current.sealedSecrets());
		}
		catch (ConnectorException ex) {
			// the key changed: the secrets are lost and must be entered again
			return Map.of();
		}
	}

	private @Nullable SourceType type(ConnectorInput input, List<FieldProblem> problems) {
		if (input.type() == null) {
			problems.add(new FieldProblem("type", "required: one of " + this.types.names()));
			return null;
		}
		Optional<SourceType> type = this.types.named(input.type());
		if (type.isEmpty()) {
			problems.add(new FieldProblem("type",
					"'" + input.type() + "' is not a connector type of this version; types: " + this.types.names()));
		}
		return type.orElse(null);
	}

	/**
	 * Splits the request's settings into plain settings and secrets (into secretValues).
	 */
	private static Map<String, String> settings(ConnectorInput input, @Nullable SourceType type,
			Map<String, String> secretValues, List<FieldProblem> problems) {
		Map<String, String> settings = new TreeMap<>();
		if (type == null) {
			return settings;
		}
		input.settings().forEach((name, value) -> {
			Optional<SettingField> field = type.fields().stream().filter(f -> f.name().equals(name)).findFirst();
			if (field.isEmpty()) {
				problems.add(new FieldProblem(name, "not a setting of " + type.type() + " connectors; settings: "
						+ type.fields().stream().map(SettingField::name).toList()));
			}
			else if (field.get().secret()) {
				if (value == null || value.isBlank()) {
					secretValues.remove(name);
				}
				else {
					secretValues.put(name, value.strip());
				}
			}
			else if (value != null && !value.isBlank()) {
				settings.put(name, value.strip());
			}
		});
		return settings;
	}

	private StoredConnector validated(UUID id, ConnectorInput input, @Nullable SourceType type,
			Map<String, String> settings, Map<String, String> secretValues, OrgUnitScope scope,
			List<FieldProblem> problems) {
		String name = input.name();
		if (name == null) {
			problems.add(new FieldProblem("name", "required"));
		}
		else if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
			problems.add(new FieldProblem("name", "at most 100 characters, no control characters"));
		}
		if (input.schedule() != null) {
			try {
				Schedule.parse(input.schedule());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("schedule", ex.getMessage()));
			}
		}
		if (type != null) {
			ConnectorSettings all = new ConnectorSettings(settings, secretValues);
			for (SettingField field : type.fields()) {
				if (field.required() && all.text(field.name()) == null) {
					problems.add(new FieldProblem(field.name(), "required for " + type.type() + " connectors"));
				}
			}
			problems.addAll(type.validate(all));
		}
		String orgUnit = null;
		try {
			orgUnit = this.scopes.unitForNewData(scope, input.orgUnit());
		}
		catch (ApiProblemException ex) {
			ex.messages()
				.forEach(message -> problems.add(new FieldProblem("orgUnit", message.replaceFirst("^orgUnit: ", ""))));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		return new StoredConnector(id, name, type.type(), input.schedule(), orgUnit, settings, null, List.of(), "",
				Instant.EPOCH, "", Instant.EPOCH, 0);
	}

	private static boolean isSecret(SourceType type, String name) {
		return type.fields().stream().anyMatch(f -> f.secret() && f.name().equals(name));
	}

	private static ApiProblemException nameTaken(String name) {
		return ApiProblemException.conflict("A connector named '" + name + "' exists already; choose another name.");
	}

	/** What the audit log keeps of a connector: never a secret's value. */
	private static Map<String, Object> details(StoredConnector c, List<String> secretsChanged) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", c.name());
		details.put("type", c.type().name());
		details.put("schedule", (c.schedule() != null) ? c.schedule() : "");
		details.put("orgUnit", (c.orgUnit() != null) ? c.orgUnit() : "");
		details.put("settings", c.settings());
		details.put("secretsSet", c.secretNames());
		if (!secretsChanged.isEmpty()) {
			details.put("secretsChanged", secretsChanged);
		}
		return details;
	}

}
