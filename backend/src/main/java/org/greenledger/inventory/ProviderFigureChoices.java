package org.greenledger.inventory;

import java.time.LocalDate;
import java.util.List;

/**
 * The months for which the organisation chose to report a cloud provider's own figure
 * instead of GreenLedger's estimate, with that figure: implemented by the module that
 * holds the providers' figures (providercarbon), read by {@link InventoryFigures}.
 */
public interface ProviderFigureChoices {

	/**
	 * The provider months whose first day lies in {@code from} to {@code to} for which
	 * the provider's figure is chosen.
	 */
	List<ChosenProviderMonth> providerFiguresChosen(LocalDate from, LocalDate to);

}
