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

	Pipelines(SparkOutputPipeline sparkOutput, DelegatedPipeline delegated, MeasuredPipeline measured,
			BillingPipeline billing) {
		this.inOrder = List.of(sparkOutput, delegated, measured, billing);
	}

	/** The first pipeline that recognises the file. */
	Pipeline detect(JobFile file) {
		return this.inOrder.stream()
			.filter(pipeline -> pipeline.recognises(file))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No pipeline takes " + file.job().fileName()));
	}

}
