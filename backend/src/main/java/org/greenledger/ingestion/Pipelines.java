package org.greenledger.ingestion;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Which pipeline a job's file is for, asked in this order: outputs of the Spark job
 * (their load documents), the formats other modules publish (detected first, never named
 * on upload), the measured formats, and the billing exports, which take every other file.
 */
@Component
class Pipelines {

	private final List<Pipeline> inOrder;

	private final BillingPipeline billing;

	Pipelines(SparkOutputPipeline sparkOutput, DelegatedPipeline delegated, MeasuredPipeline measured,
			BillingPipeline billing) {
		this.inOrder = List.of(sparkOutput, delegated, measured, billing);
		this.billing = billing;
	}

	/**
	 * Whether the pipeline reads the file as a stream, from its start to its end, so that
	 * it can read it while it arrives: billing exports as text (CSV or JSON lines, plain
	 * or gzip), not Parquet, whose reader needs the whole file.
	 */
	boolean streams(Pipeline pipeline, JobFile file) {
		return pipeline == this.billing && file.parquet() == null;
	}

	/** The first pipeline that recognises the file. */
	Pipeline detect(JobFile file) {
		return this.inOrder.stream()
			.filter(pipeline -> pipeline.recognises(file))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No pipeline takes " + file.job().fileName()));
	}

}
