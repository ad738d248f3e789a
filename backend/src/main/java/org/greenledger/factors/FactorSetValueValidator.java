package org.greenledger.factors;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.factors.FactorKind;
import org.greenledger.system.ApiProblemException.FieldProblem;

/** Checks one submitted factor-set value and names each invalid field. */
final class FactorSetValueValidator {

	private FactorSetValueValidator() {
	}

	static Optional<UserFactor> check(String path, FactorSetInput.@Nullable Value value, List<FieldProblem> problems,
			String setName, int version) {
		if (value == null) {
			problems.add(new FieldProblem(path, "must not be null"));
			return Optional.empty();
		}
		int before = problems.size();
		FactorKind kind = (value.kind() == null) ? null : FactorKind.parse(value.kind()).orElse(null);
		if (kind == null || !FactorSets.OVERRIDABLE.contains(kind)) {
			problems.add(new FieldProblem(path + ".kind", "must be one of " + FactorSets.OVERRIDABLE));
		}
		FactorScope scope = (value.scope() == null) ? null : FactorScope.parse(value.scope()).orElse(null);
		if (scope == null) {
			problems.add(new FieldProblem(path + ".scope", "must be organisation, provider:<aws|gcp|azure>,"
					+ " region:<provider>:<region>, zone:<grid zone>, country:<ISO code> or (for SERVICE_ENERGY)"
					+ " service:<provider>:<unit>:<service>"));
		}
		else if (kind != null && (kind == FactorKind.SERVICE_ENERGY) != (scope.type() == FactorScope.Type.SERVICE)) {
			problems.add(new FieldProblem(path + ".scope",
					(kind == FactorKind.SERVICE_ENERGY)
							? "an energy factor per unit names its service: service:<provider>:<unit>:<service>"
							: "a service scope is only for SERVICE_ENERGY"));
		}
		if (value.value() == null || !Double.isFinite(value.value()) || value.value() < 0) {
			problems.add(new FieldProblem(path + ".value", "is required and must be a finite, non-negative number"));
		}
		else if (kind == FactorKind.PUE && value.value() < 1) {
			problems.add(new FieldProblem(path + ".value", "a PUE is at least 1"));
		}
		if (kind != null && !kind.unit().equals(value.unit())) {
			problems.add(new FieldProblem(path + ".unit", "must be '" + kind.unit() + "' for " + kind));
		}
		if (value.source() == null || value.source().isBlank()) {
			problems.add(new FieldProblem(path + ".source", "is required: say where the value comes from"));
		}
		if (value.validFrom() != null && value.validTo() != null && value.validTo().isBefore(value.validFrom())) {
			problems.add(new FieldProblem(path + ".validTo", "ends before validFrom"));
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		return Optional
			.of(new UserFactor(kind, scope, value.value(), value.validFrom(), value.validTo(), value.source().strip(),
					(value.notes() == null || value.notes().isBlank()) ? null : value.notes().strip(), setName, version,
					java.time.Instant.EPOCH));
	}

}
