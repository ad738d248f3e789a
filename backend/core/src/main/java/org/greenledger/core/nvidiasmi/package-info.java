/**
 * nvidia-smi: GPU power logs written by {@code nvidia-smi --query-gpu=... --format=csv}
 * ({@link org.greenledger.core.nvidiasmi.NvidiaSmiReader}), handed as power samples to a
 * {@link org.greenledger.core.measured.MeasurementSink}; numbers and timestamps are
 * parsed by hand because telemetry files have millions of rows.
 */
@NullMarked
package org.greenledger.core.nvidiasmi;

import org.jspecify.annotations.NullMarked;
