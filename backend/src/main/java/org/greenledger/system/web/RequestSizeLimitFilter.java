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
			this.problems.write(response, ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE,
					"The request body has " + request.getContentLengthLong() + " bytes; this server accepts at most "
							+ size(this.limit)
							+ ": split the file, or ask your administrator to raise the upload limit.",
					request));
			return;
		}
		chain.doFilter((request.getContentLengthLong() < 0) ? new LimitedRequest(request, this.limit) : request,
				response);
	}

	/** A size in words: "512 MB", "2 GB", "900 bytes". */
	static String size(long bytes) {
		if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
			return (bytes >> 30) + " GB";
		}
		if (bytes >= 1L << 20) {
			return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
		}
		return bytes + " bytes";
	}

}
