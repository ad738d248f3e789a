package org.greenledger.core.measured;

/** Where a measured series comes from. */
public enum MeasuredSource {

	/** GreenLedger's meter CSV. */
	METER_CSV,

	/** Green Button (NAESB REQ.21 ESPI) Atom XML. */
	GREEN_BUTTON,

	/** {@code nvidia-smi --query-gpu=... --format=csv}. */
	NVIDIA_SMI,

	/** Prometheus/OpenMetrics text from the NVIDIA DCGM exporter. */
	DCGM,

	/** Prometheus/OpenMetrics text from Kepler. */
	KEPLER,

	/** CodeCarbon {@code emissions.csv}. */
	CODECARBON

}
