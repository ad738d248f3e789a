package org.greenledger.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The billing files the inputs name, listed on the driver: a file, a directory (every
 * file below it, except hidden ones such as {@code _SUCCESS} or {@code .crc}) or a glob,
 * on any Hadoop file system.
 */
final class SourceFiles {

	private SourceFiles() {
	}

	/**
	 * @throws IllegalArgumentException when an input matches nothing
	 */
	static List<SourceFile> list(List<String> inputs, Configuration hadoop) throws IOException {
		List<SourceFile> files = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (String input : inputs) {
			Path path = new Path(input);
			FileSystem fs = path.getFileSystem(hadoop);
			FileStatus[] matched = fs.globStatus(path);
			if (matched == null || matched.length == 0) {
				throw new IllegalArgumentException("No file or directory matches " + input);
			}
			for (FileStatus status : matched) {
				if (status.isDirectory()) {
					String root = status.getPath().toUri().getPath();
					RemoteIterator<LocatedFileStatus> below = fs.listFiles(status.getPath(), true);
					while (below.hasNext()) {
						LocatedFileStatus file = below.next();
						String relative = file.getPath().toUri().getPath().substring(root.length() + 1);
						if (!hidden(relative)) {
							add(files, names, file, relative);
						}
					}
				}
				else {
					add(files, names, status, status.getPath().getName());
				}
			}
		}
		files.sort(Comparator.comparing(SourceFile::name));
		return files;
	}

	private static void add(List<SourceFile> files, Set<String> names, FileStatus status, String name) {
		String uri = status.getPath().toString();
		// two inputs with a file of the same relative name: the second is named in full
		files.add(new SourceFile(uri, names.add(name) ? name : uri, status.getLen()));
	}

	private static boolean hidden(String relative) {
		for (String part : relative.split("/")) {
			if (part.startsWith("_") || part.startsWith(".")) {
				return true;
			}
		}
		return false;
	}

}
