package org.greenledger.system.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says precisely why a request body could not be read (where the JSON breaks, which field
 * holds which wrong value), without naming Java classes.
 */
final class UnreadableBodies {

	private UnreadableBodies() {
	}

	static String describe(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			return "Invalid value '" + invalid.getValue() + "' at '" + path(invalid) + "'; allowed: " + allowed + ".";
		}
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			return "Invalid value at '" + path(databind) + "'.";
		}
		if (cause instanceof JacksonException jackson) {
			TokenStreamLocation location = jackson.getLocation();
			if (location != null && location.getLineNr() > 0) {
				return "The request body is not valid JSON (line " + location.getLineNr() + ", column "
						+ location.getColumnNr() + ").";
			}
			return "The request body is not valid JSON.";
		}
		return "The request body is missing or cannot be read.";
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
