package org.greenledger.connectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.greenledger.audit.AuditLog;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.system.ApiProblemException;
import org.springframework.stereotype.Service;

/** What a user asks a connector to do: check its connection, or run now. */
@Service
public class ConnectorActions {

	private final Connectors connectors;

	private final ConnectorTypes types;

	private final ConnectorScheduler scheduler;

	private final AuditLog audit;

	ConnectorActions(Connectors connectors, ConnectorTypes types, ConnectorScheduler scheduler, AuditLog audit) {
		this.connectors = connectors;
		this.types = types;
		this.scheduler = scheduler;
		this.audit = audit;
	}

	/**
	 * The result of a connection check.
	 *
	 * @param ok whether the store or API answered and the credentials may read what the
	 * connector collects
	 * @param message what was checked, or what failed and what to do about it
	 */
	public record Check(boolean ok, String message) {
	}

	public Check check(UUID id, OrgUnitScope scope) {
		StoredConnector connector = this.connectors.stored(id, scope);
		SourceType type = this.types.of(connector.type())
			.orElseThrow(() -> ApiProblemException.conflict(
					"Connectors of type " + connector.type() + " are not available in this version of GreenLedger."));
		try {
			return new Check(true, type.check(this.connectors.settings(connector)));
		}
		catch (ConnectorException ex) {
			return new Check(false, ex.getMessage());
		}
	}

	/**
	 * Queues a run now.
	 * @throws ApiProblemException 409 when a run is queued or running
	 */
	public ConnectorRun sync(UUID id, OrgUnitScope scope, String user) {
		StoredConnector connector = this.connectors.stored(id, scope);
		ConnectorRun run = this.scheduler.runNow(connector, user)
			.orElseThrow(() -> ApiProblemException.conflict("Connector " + connector.name()
					+ " is already queued or running; follow its runs, a new one can start when it has finished."));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("connector", connector.name());
		details.put("run", run.id().toString());
		this.audit.record(user, "CONNECTOR_RUN_REQUESTED", "connector " + id, details);
		return run;
	}

	public List<ConnectorType> types() {
		return this.types.all().stream().map(SourceType::type).toList();
	}

}
