package org.greenledger.workloads;

/** A trained model, or a service (for example an inference endpoint) built on models. */
public enum WorkloadKind {

	MODEL, SERVICE

}
