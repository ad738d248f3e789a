/**
 * The S3 connector type: any S3-compatible store (AWS S3, Google Cloud Storage through
 * its interoperability API, MinIO, Ceph) through the AWS SDK for Java v2.
 */
@NullMarked
package org.greenledger.connectors.s3;

import org.jspecify.annotations.NullMarked;
