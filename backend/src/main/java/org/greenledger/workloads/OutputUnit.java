package org.greenledger.workloads;

/** The functional unit a workload's outputs are counted in. */
public enum OutputUnit {

	REQUESTS, INFERENCES, TOKENS, IMAGES

}
