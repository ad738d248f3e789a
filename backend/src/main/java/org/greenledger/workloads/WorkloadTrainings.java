package org.greenledger.workloads;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a model's provider states about its training, one record per workload: entered,
 * checked field by field, audited.
 */
@Service
public class WorkloadTrainings {

	private final JdbcClient jdbc;

	private final Workloads workloads;

	private final AuditLog audit;

	private final Clock clock;

	WorkloadTrainings(JdbcClient jdbc, Workloads workloads, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.workloads = workloads;
		this.audit = audit;
		this.clock = clock;
	}

	public Optional<Training.Entered> find(UUID workload) {
		return this.jdbc.sql("""
				select training_compute_flop, compute_method, accelerator, accelerator_hours, utilization,
				       training_start, training_end, parameters, training_tokens, model_dependencies,
				       inference_compute_flop, inference_benchmark, evidence, updated_at, updated_by
				from workload_training where workload_id = ?""")
			.param(workload)
			.query((rs, n) -> new Training.Entered(
					new Training(number(rs.getObject(1)), rs.getString(2), rs.getString(3), number(rs.getObject(4)),
							number(rs.getObject(5)), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
							number(rs.getObject(8)), number(rs.getObject(9)), rs.getString(10),
							number(rs.getObject(11)), rs.getString(12), rs.getString(13)),
					rs.getTimestamp(14).toInstant(), rs.getString(15)))
			.optional();
	}

	/** Replaces the workload's training record; 422 naming every field in error. */
	@Transactional
	public Training.Entered put(UUID workload, Training input, String user) {
		this.workloads.require(workload);
		List<FieldProblem> problems = new ArrayList<>();
		positive(problems, "trainingComputeFlop", input.trainingComputeFlop());
		positive(problems, "acceleratorHours", input.acceleratorHours());
		positive(problems, "parameters", input.parameters());
		positive(problems, "trainingTokens", input.trainingTokens());
		positive(problems, "inferenceComputeFlop", input.inferenceComputeFlop());
		if (input.utilization() != null && !(input.utilization() > 0 && input.utilization() <= 1)) {
			problems.add(new FieldProblem("utilization",
					"the share of the peak throughput achieved, greater than 0 and at most 1 (0.4 is 40 %)"));
		}
		if (input.trainingStart() != null && input.trainingEnd() != null
				&& input.trainingEnd().isBefore(input.trainingStart())) {
			problems.add(new FieldProblem("trainingEnd", "on or after trainingStart"));
		}
		if (input.accelerator() != null && input.accelerator().strip().length() > 40) {
			problems.add(new FieldProblem("accelerator", "at most 40 characters, for example H100-SXM"));
		}
		if (input.evidence() == null || input.evidence().isBlank()) {
			problems.add(new FieldProblem("evidence", "where the values come from (training logs, papers, invoices)"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("delete from workload_training where workload_id = ?").param(workload).update();
		this.jdbc.sql("""
				insert into workload_training (workload_id, training_compute_flop, compute_method, accelerator,
				    accelerator_hours, utilization, training_start, training_end, parameters, training_tokens,
				    model_dependencies, inference_compute_flop, inference_benchmark, evidence, updated_at, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(workload, input.trainingComputeFlop(), text(input.computeMethod()), text(input.accelerator()),
					input.acceleratorHours(), input.utilization(), input.trainingStart(), input.trainingEnd(),
					input.parameters(), input.trainingTokens(), text(input.modelDependencies()),
					input.inferenceComputeFlop(), text(input.inferenceBenchmark()), input.evidence().strip(),
					Timestamp.from(now), user)
			.update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("trainingComputeFlop", input.trainingComputeFlop());
		details.put("accelerator", text(input.accelerator()));
		details.put("acceleratorHours", input.acceleratorHours());
		details.put("utilization", input.utilization());
		details.put("evidence", input.evidence().strip());
		this.audit.record(user, "WORKLOAD_TRAINING_RECORDED", "workload:" + workload, details);
		return find(workload).orElseThrow();
	}

	private static void positive(List<FieldProblem> problems, String field, @Nullable Double value) {
		if (value != null && !(value > 0 && Double.isFinite(value))) {
			problems.add(new FieldProblem(field, "a number greater than 0"));
		}
	}

	private static @Nullable Double number(@Nullable Object value) {
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
