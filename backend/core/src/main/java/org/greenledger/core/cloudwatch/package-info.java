/**
 * Amazon CloudWatch: the AWS CLI's JSON output of {@code get-metric-statistics} for an
 * EC2 instance's {@code CPUUtilization}
 * ({@link org.greenledger.core.cloudwatch.CloudWatchReader}), handed as utilization
 * datapoints to a {@link org.greenledger.core.measured.UtilizationSink}.
 */
@NullMarked
package org.greenledger.core.cloudwatch;

import org.jspecify.annotations.NullMarked;
