package org.greenledger.workloads;

/** The life-cycle phase of an AI model that activity belongs to. */
public enum Phase {

	EXPERIMENTATION, TRAINING, FINE_TUNING, INFERENCE

}
