package org.greenledger.demo;

/**
 * A file of the demo organisation, in a real format.
 *
 * @param name the file name the job shows
 * @param format what the file is, in the words of the Data sources page
 * @param content the bytes, the same on every load
 */
record DemoFile(String name, String format, byte[] content) {
}
