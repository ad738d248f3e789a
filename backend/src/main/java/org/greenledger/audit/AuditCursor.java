package org.greenledger.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * Where a page of the audit log ends: the time and id of its last (oldest) event. The
 * next page holds the events recorded before it, so a page stays the same however many
 * events are recorded meanwhile, and reading page n costs no more than reading page 1.
 *
 * @param at the last event's time
 * @param id the last event's id
 */
public record AuditCursor(Instant at, long id) {

	/** The cursor as an opaque URL-safe token. */
	public String token() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.at + "/" + this.id).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Reads a token made by {@link #token()}.
	 * @throws ApiProblemException 422 for a token that is not one
	 */
	public static AuditCursor parse(String field, String token) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.US_ASCII);
			int slash = text.lastIndexOf('/');
			return new AuditCursor(Instant.parse(text.substring(0, slash)), Long.parseLong(text.substring(slash + 1)));
		}
		catch (RuntimeException ex) {
			throw ApiProblemException
				.invalidFields(List.of(new FieldProblem(field, "not a page token of this audit log")));
		}
	}

}
