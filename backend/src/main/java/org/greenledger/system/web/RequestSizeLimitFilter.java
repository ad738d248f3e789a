package org.greenledger.system.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.greenledger.system.GreenLedgerProperties;
import org.greenledger.system.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code greenledger.max-upload-size} with 413: before
 * any of it is read when the length is declared, and as soon as the limit is passed when
 * it is not (chunked transfer).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final ProblemResponses problems;

	RequestSizeLimitFilter(GreenLedgerProperties properties, ProblemResponses problems) {
		this.limit = properties.maxUploadSize().toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			this.problems.write(response,
					ProblemResponses.problem(
							HttpStatus.CONTENT_TOO_LARGE, "The request body has " + request.getContentLengthLong()
									+ " bytes; at most " + this.limit + " are accepted (greenledger.max-upload-size).",
							request));
			return;
		}
		chain.doFilter((request.getContentLengthLong() < 0) ? new LimitedRequest(request, this.limit) : request,
				response);
	}

}
