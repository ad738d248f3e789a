package org.greenledger.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's home page: the dashboard. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
