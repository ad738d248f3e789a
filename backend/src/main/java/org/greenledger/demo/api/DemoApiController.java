package org.greenledger.demo.api;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.greenledger.demo.DemoData;
import org.greenledger.demo.DemoStatus;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The demo organisation (ADMIN): status, load, removal. */
@RestController
@RequestMapping("/api/v1/demo")
@Tag(name = "Demo organisation", description = "A generated, clearly labelled organisation to look around with")
class DemoApiController {

	private final DemoData demo;

	DemoApiController(DemoData demo) {
		this.demo = demo;
	}

	@GetMapping
	@Operation(summary = "Whether demo data is present, and the progress of a load or removal under way")
	DemoStatus status() {
		return this.demo.status();
	}

	@PostMapping
	@Operation(summary = "Load the demo organisation in the background (202); poll GET for its progress",
			description = "409 when demo data is present already.")
	ResponseEntity<DemoStatus> load(Principal principal) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.demo.load(principal.getName()));
	}

	@DeleteMapping
	@Operation(summary = "Remove exactly the demo's data in the background (202); poll GET until ABSENT",
			description = "409 when there is nothing to remove or a load is under way.")
	ResponseEntity<DemoStatus> remove(Principal principal) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.demo.remove(principal.getName()));
	}

}
