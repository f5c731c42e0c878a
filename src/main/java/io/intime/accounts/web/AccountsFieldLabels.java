package io.intime.accounts.web;

import java.util.Map;

import io.intime.shared.web.FieldLabels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the account, contact and contract pages name their fields. */
@Configuration(proxyBeanMethods = false)
class AccountsFieldLabels {

	@Bean
	FieldLabels accountFields() {
		return new FieldLabels(Map.ofEntries(Map.entry("name", "Name"), Map.entry("key", "Key"),
				Map.entry("industry", "Industry"), Map.entry("employeeCount", "Employees"),
				Map.entry("hqLocation", "HQ location"), Map.entry("timeZone", "Time zone"),
				Map.entry("status", "Status"), Map.entry("tier", "Tier"), Map.entry("tierOverride", "Tier override"),
				Map.entry("strategic", "Strategic"), Map.entry("relationshipStart", "Relationship start"),
				Map.entry("ownerId", "Account manager"), Map.entry("executiveSponsorId", "Executive sponsor"),
				Map.entry("billingCurrency", "Billing currency"), Map.entry("region", "Region"),
				Map.entry("arr", "ARR"), Map.entry("team", "Team"), Map.entry("title", "Title"),
				Map.entry("email", "Email"), Map.entry("phone", "Phone"),
				Map.entry("stakeholderRole", "Stakeholder role"), Map.entry("influence", "Influence"),
				Map.entry("active", "Active"), Map.entry("accountId", "Account"), Map.entry("type", "Type"),
				Map.entry("number", "Number"), Map.entry("startDate", "Start date"), Map.entry("endDate", "End date"),
				Map.entry("paymentTerms", "Payment terms"), Map.entry("currency", "Currency"),
				Map.entry("serviceLines", "Service lines")));
	}

}
