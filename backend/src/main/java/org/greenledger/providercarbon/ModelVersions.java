package org.greenledger.providercarbon;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * Orders providers' carbon model versions: AWS's {@code v3.0.0}, Google's {@code 14}
 * (numeric parts compared as numbers, part by part); no version sorts first.
 */
public final class ModelVersions {

	public static final Comparator<@Nullable String> ORDER = ModelVersions::compare;

	private ModelVersions() {
	}

	public static int compare(@Nullable String left, @Nullable String right) {
		if (left == null || right == null) {
			return (left == null) ? ((right == null) ? 0 : -1) : 1;
		}
		long[] a = parts(left);
		long[] b = parts(right);
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			long x = (i < a.length) ? a[i] : 0;
			long y = (i < b.length) ? b[i] : 0;
			if (x != y) {
				return Long.compare(x, y);
			}
		}
		return 0;
	}

	/** The first number of a version ({@code 3} for {@code v3.0.0}), 0 when none. */
	public static long major(String version) {
		long[] parts = parts(version);
		return (parts.length == 0) ? 0 : parts[0];
	}

	private static long[] parts(String version) {
		return java.util.Arrays.stream(version.split("\\D+"))
			.filter(part -> !part.isEmpty())
			.mapToLong(part -> (part.length() > 18) ? Long.MAX_VALUE : Long.parseLong(part))
			.toArray();
	}

}
