package org.greenledger.system.web;

import org.jspecify.annotations.Nullable;

/** Looks for an exception of a type in a cause chain. */
final class ExceptionUtils {

	private ExceptionUtils() {
	}

	static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		return cause(failure, type) != null;
	}

	static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
		for (Throwable each = failure; each != null; each = each.getCause()) {
			if (type.isInstance(each)) {
				return type.cast(each);
			}
		}
		return null;
	}

}
