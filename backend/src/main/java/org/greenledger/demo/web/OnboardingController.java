package org.greenledger.demo.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.greenledger.demo.DemoExamples;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Onboarding: the example file of each format the demo generator writes, and the format
 * pages of {@code docs/formats} (shipped in the frontend jar), which the empty
 * dashboard's steps and the Data sources page link to.
 */
@Controller
class OnboardingController {

	@GetMapping("/examples/{name}")
	ResponseEntity<byte[]> example(@PathVariable String name) {
		DemoExamples.Example example = DemoExamples.named(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No example file " + name + "."));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(example.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(example.name()).build().toString())
			.body(example.content().get());
	}

	@GetMapping("/formats/{name}")
	String format(@PathVariable String name, Model model) throws IOException {
		if (!name.matches("[a-z0-9-]{1,60}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No format page " + name + ".");
		}
		ClassPathResource page = new ClassPathResource("format-docs/" + name + ".md");
		if (!page.exists()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No format page " + name + ".");
		}
		try (InputStream in = page.getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String title = text.lines()
				.filter(line -> line.startsWith("# "))
				.findFirst()
				.map(line -> line.substring(2))
				.orElse(name);
			model.addAttribute("title", title);
			model.addAttribute("text", text);
			model.addAttribute("examples", DemoExamples.all().stream().filter(e -> e.doc().equals(name)).toList());
		}
		return "format-doc";
	}

}
