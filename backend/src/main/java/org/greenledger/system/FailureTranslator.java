package org.greenledger.system;

import java.util.Optional;

/**
 * Turns a failure of a lower layer (such as a database refusal raised by a trigger) into
 * the refusal the API explains to its caller, in the user's words. Implemented by the
 * modules that own such a rule; the API's exception handler asks every implementation
 * before it answers 500.
 */
public interface FailureTranslator {

	Optional<? extends ApiProblemException> translate(Throwable failure);

}
