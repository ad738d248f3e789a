package org.greenledger.reduction.web;

import org.greenledger.reduction.Adoption;
import org.greenledger.reduction.AdoptionInput;
import org.greenledger.reduction.Adoptions;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The "mark adopted" form of each item on the Opportunities page: stores the adoption
 * (audited) and returns to the same period.
 */
@Controller
class AdoptionFormController {

	private final Adoptions adoptions;

	private final OrgUnitScopes scopes;

	AdoptionFormController(Adoptions adoptions, OrgUnitScopes scopes) {
		this.adoptions = adoptions;
		this.scopes = scopes;
	}

	@PostMapping("/opportunities/adoptions")
	String adopt(@ModelAttribute AdoptionInput input, Authentication principal, RedirectAttributes redirect) {
		try {
			Adoption adoption = this.adoptions.adopt(input, this.scopes.of(principal), principal.getName());
			redirect.addFlashAttribute("message", adoption.opportunity().kind() + " of "
					+ adoption.opportunity().subject().name() + " marked adopted from " + adoption.adoptedOn() + ".");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/opportunities")
			.queryParam("from", input.from())
			.queryParam("to", input.to())
			.build()
			.toUriString();
	}

}
