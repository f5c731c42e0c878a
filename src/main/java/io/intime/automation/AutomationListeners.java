package io.intime.automation;

import io.intime.accounts.ContactUpdated;
import io.intime.accounts.ContractCreated;
import io.intime.accounts.ContractStatusChanged;
import io.intime.accounts.ContractUpdated;
import io.intime.billing.InvoiceDisputed;
import io.intime.health.HealthBandChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the rules notice as it happens, after the change committed (and again after a
 * restart when a node stopped before handling it): a contract created or changed, a
 * health band changed, a contact deactivated, an invoice disputed. Nothing while
 * automation is off ({@link AutomationSwitch}).
 */
@Component
class AutomationListeners {

	private final AutomationScan scan;

	private final AutomationSwitch automation;

	AutomationListeners(AutomationScan scan, AutomationSwitch automation) {
		this.scan = scan;
		this.automation = automation;
	}

	@ApplicationModuleListener
	void on(ContractCreated event) {
		if (automation.live() && event.accountId() != null) {
			scan.contractChanged(event.accountId(), event.contractId());
		}
	}

	@ApplicationModuleListener
	void on(ContractStatusChanged event) {
		if (automation.live() && event.accountId() != null) {
			scan.contractChanged(event.accountId(), event.contractId());
		}
	}

	@ApplicationModuleListener
	void on(ContractUpdated event) {
		if (automation.live() && event.accountId() != null) {
			scan.contractChanged(event.accountId(), event.contractId());
		}
	}

	/**
	 * A band change carries the new score; a score that drops below a threshold without
	 * leaving its band is found by the daily scan.
	 */
	@ApplicationModuleListener
	void on(HealthBandChanged event) {
		if (automation.live() && event.accountId() != null) {
			scan.healthChanged(event.accountId());
		}
	}

	@ApplicationModuleListener
	void on(ContactUpdated event) {
		boolean deactivated = event.changes()
			.stream()
			.anyMatch(c -> "active".equals(c.field()) && "false".equals(c.newValue()));
		if (automation.live() && deactivated) {
			scan.contactLeft(event.contactId());
		}
	}

	@ApplicationModuleListener
	void on(InvoiceDisputed event) {
		if (automation.live() && event.accountId() != null) {
			scan.invoiceDisputed(event.accountId(), event.invoice().id(), event.at());
		}
	}

}
