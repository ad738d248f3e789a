package org.greenledger.demo.web;

import java.security.Principal;

import org.greenledger.demo.DemoData;
import org.greenledger.demo.DemoStatus;
import org.greenledger.system.ApiProblemException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demo organisation's page: what it is, the progress of its load or removal (polled
 * from {@code /demo/status}), and for ADMIN the load and remove actions.
 */
@Controller
class DemoController {

	private final DemoData demo;

	DemoController(DemoData demo) {
		this.demo = demo;
	}

	@GetMapping("/demo")
	String page(Model model) {
		model.addAttribute("demo", this.demo.status());
		model.addAttribute("contents", this.demo.contents());
		return "demo";
	}

	@GetMapping("/demo/status")
	@ResponseBody
	ResponseEntity<DemoStatus> status() {
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(this.demo.status());
	}

	@PostMapping("/demo/load")
	String load(Principal principal, RedirectAttributes redirect) {
		try {
			this.demo.load(principal.getName());
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problem", ex.getBody().getDetail());
		}
		return "redirect:/demo";
	}

	@PostMapping("/demo/remove")
	String remove(Principal principal, RedirectAttributes redirect) {
		try {
			this.demo.remove(principal.getName());
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problem", ex.getBody().getDetail());
		}
		return "redirect:/demo";
	}

}
