package org.greenledger.system.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says precisely why a request body could not be read (where the JSON breaks, which field
 * holds which wrong value), without naming Java classes.
 */
final class UnreadableBodies {

	/** The reason given when a string holds a NUL character. */
	static final String NUL = "contains a NUL character (\\u0000), which text may not contain";

	/** The reason given when a number is beyond what a double holds. */
	static final String OUT_OF_RANGE = "is out of range (only finite numbers are accepted)";

	private UnreadableBodies() {
	}

	/**
	 * The field whose string holds a NUL character: the body cannot be read as text
	 * (400), and the field is named.
	 */
	static Optional<FieldProblem> nulCharacter(HttpMessageNotReadableException ex) {
		if (ex.getMostSpecificCause() instanceof InvalidFormatException invalid
				&& invalid.getValue() instanceof String text && text.indexOf('\0') >= 0) {
			return Optional.of(new FieldProblem(path(invalid), NUL));
		}
		return Optional.empty();
	}

	/**
	 * The field whose value has the wrong type or is not allowed, when the JSON itself is
	 * well formed: such a request is semantically invalid (422), not malformed (400).
	 */
	static Optional<FieldProblem> invalidField(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof tools.jackson.core.exc.InputCoercionException coercion && coercion.processor() != null
				&& coercion.processor().currentName() != null) {
			return Optional.of(new FieldProblem(coercion.processor().currentName(), OUT_OF_RANGE));
		}
		if (!(cause instanceof DatabindException databind) || databind.getPath().isEmpty()) {
			return Optional.empty();
		}
		String field = path(databind);
		if (cause instanceof InvalidFormatException invalid && OUT_OF_RANGE.equals(invalid.getOriginalMessage())) {
			return Optional.of(new FieldProblem(field, OUT_OF_RANGE));
		}
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			return Optional
				.of(new FieldProblem(field, "invalid value '" + invalid.getValue() + "'; allowed: " + allowed));
		}
		if (cause instanceof tools.jackson.core.exc.StreamReadException) {
			return Optional.empty();
		}
		if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			return Optional.of(new FieldProblem(field, "expected " + describe(mismatched.getTargetType())));
		}
		return Optional.of(new FieldProblem(field, "invalid value"));
	}

	/** Why a body could not be read at all (missing, or not JSON). */
	static String describe(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof JacksonException jackson) {
			TokenStreamLocation location = jackson.getLocation();
			String message = String.valueOf(jackson.getOriginalMessage());
			if (message.startsWith("Duplicate Object property") || message.startsWith("Duplicate field")) {
				int quote = message.indexOf('"');
				String name = (quote >= 0) ? message.substring(quote, message.indexOf('"', quote + 1) + 1) : "a key";
				return "The request body has the key " + name + " twice in one object"
						+ ((location != null && location.getLineNr() > 0)
								? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "")
						+ "; send each key once.";
			}
			if (location != null && location.getLineNr() > 0) {
				return "The request body is not valid JSON (line " + location.getLineNr() + ", column "
						+ location.getColumnNr() + ").";
			}
			return "The request body is not valid JSON.";
		}
		return "The request body is missing or cannot be read.";
	}

	private static String describe(Class<?> type) {
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		return "an object";
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
