package org.greenledger.spark;

import java.io.Serializable;

/**
 * A billing file to read.
 *
 * @param uri where it is (any Hadoop file system: file:, s3a:, hdfs:, ...)
 * @param name how the output names it: its path below the input directory it was found
 * in, or its file name when the input named the file itself
 * @param size its length in bytes
 */
record SourceFile(String uri, String name, long size) implements Serializable {
}
