package org.greenledger.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * A connector type, whatever it collects from: its settings, how they are checked and how
 * its connection is checked. One Spring bean per type, in the type's sub-package, either
 * an {@link ObjectStoreType} (files in a bucket or container) or a
 * {@link MetricSourceType} (metrics pulled from a time-series API).
 */
public interface SourceType {

	ConnectorType type();

	/** The type's settings, in the order the form shows them. */
	List<SettingField> fields();

	/**
	 * Problems with the settings beyond a missing required field (which the framework
	 * checks), for example a malformed endpoint or half a key pair.
	 */
	List<FieldProblem> validate(ConnectorSettings settings);

	/**
	 * A type's own errors per field as problems, leaving out those on a required field
	 * left empty: the framework reports those itself, once.
	 */
	default List<FieldProblem> problems(Map<String, String> errors, ConnectorSettings settings) {
		List<FieldProblem> problems = new ArrayList<>();
		errors.forEach((field, error) -> {
			boolean required = fields().stream().anyMatch((f) -> f.name().equals(field) && f.required());
			if (!required || settings.text(field) != null) {
				problems.add(new FieldProblem(field, error));
			}
		});
		return problems;
	}

	/**
	 * Checks the connection with the settings: what was checked, or a
	 * {@link ConnectorException} saying what failed and what to do.
	 */
	String check(ConnectorSettings settings) throws ConnectorException;

}
