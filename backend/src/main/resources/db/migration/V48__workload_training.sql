-- What a model's provider states about its training for the AI model card (EU AI Act
-- Annex XI, section 1, points 1(d) and 2(d)-(e); the General-Purpose AI Code of Practice's
-- Model Documentation Form): training compute entered in FLOP or the inputs of its
-- estimate (accelerator model, accelerator-hours, utilization), training dates, model
-- size and training tokens, model dependencies, the benchmarked inference computation
-- and how it was measured. One row per workload; every change is in the audit log
-- (module workloads). Outputs may also be counted in images (SCI for AI per-image unit).
create table workload_training (
    workload_id             uuid primary key references workload (id),
    training_compute_flop   double precision check (training_compute_flop > 0),
    compute_method          text,
    accelerator             varchar(40),
    accelerator_hours       double precision check (accelerator_hours > 0),
    utilization             double precision check (utilization > 0 and utilization <= 1),
    training_start          date,
    training_end            date check (training_end >= training_start),
    parameters              double precision check (parameters > 0),
    training_tokens         double precision check (training_tokens > 0),
    model_dependencies      text,
    inference_compute_flop  double precision check (inference_compute_flop > 0),
    inference_benchmark     text,
    evidence                text             not null,
    updated_at              timestamptz      not null,
    updated_by              varchar(100)     not null
);

alter table workload_output drop constraint workload_output_unit_check;
alter table workload_output add constraint workload_output_unit_check
    check (unit in ('REQUESTS', 'INFERENCES', 'TOKENS', 'IMAGES'));
