package org.greenledger.system.web;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiExceptionHandlerTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
		.setControllerAdvice(new ApiExceptionHandler(java.util.List.of()))
		.build();

	@Test
	void anUnexpectedFailureIs500WithAReferenceAndNoInternals() throws Exception {
		this.mvc.perform(get("/api/failing"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(500))
			.andExpect(jsonPath("$.type").value("about:blank"))
			.andExpect(jsonPath("$.reference").isNotEmpty())
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret internal detail"))));
	}

	@Test
	void aFailureATranslatorKnowsIsAnsweredInItsWords() throws Exception {
		// as the lock's translator does with the database's refusal of a write in a
		// locked period
		MockMvc translated = MockMvcBuilders.standaloneSetup(new FailingController())
			.setControllerAdvice(new ApiExceptionHandler(java.util.List.of(failure -> java.util.Optional
				.of(org.greenledger.system.ApiProblemException.conflict("The change would alter a locked period."))
				.filter(problem -> failure.getMessage().contains("secret")))))
			.build();
		translated.perform(get("/api/failing"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("The change would alter a locked period."));
	}

	@RestController
	static class FailingController {

		@GetMapping("/api/failing")
		String fail() {
			throw new IllegalStateException("secret internal detail");
		}

	}

}
