package org.greenledger.workloads;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An AI model or service, with its attribution rules and recorded outputs. */
public record Workload(UUID id, String name, WorkloadKind kind, @Nullable String model, @Nullable String orgUnit,
		String description, Instant createdAt, String createdBy, List<Rule> rules, List<Output> outputs) {

	/** Activity matching {@code match} belongs to the workload's {@code phase}. */
	public record Rule(UUID id, Phase phase, RuleSource source, java.util.Map<String, String> match) {
	}

	/** How many units the workload served over a period (both days included). */
	public record Output(UUID id, java.time.LocalDate periodStart, java.time.LocalDate periodEnd, OutputUnit unit,
			double quantity) {
	}

}
