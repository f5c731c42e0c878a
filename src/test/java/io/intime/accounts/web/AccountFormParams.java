package io.intime.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.accounts.AccountForm;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An account form as the browser posts it (strings, empty for nothing), with fields to
 * change.
 */
final class AccountFormParams {

	private final Map<String, String> values = new LinkedHashMap<>();

	static AccountFormParams of(AccountForm form, long version) {
		AccountFormParams params = new AccountFormParams();
		params.values.put("name", text(form.name()));
		params.values.put("industry", text(form.industry()));
		params.values.put("employeeCount", text(form.employeeCount()));
		params.values.put("hqLocation", text(form.hqLocation()));
		params.values.put("timeZone", text(form.timeZone()));
		params.values.put("status", text(form.status()));
		params.values.put("tierOverride", text(form.tierOverride()));
		params.values.put("strategic", String.valueOf(form.strategic()));
		params.values.put("relationshipStart", text(form.relationshipStart()));
		params.values.put("ownerId", text(form.ownerId()));
		params.values.put("executiveSponsorId", text(form.executiveSponsorId()));
		params.values.put("billingCurrency", text(form.billingCurrency()));
		params.values.put("region", text(form.region()));
		params.values.put("version", String.valueOf(version));
		return params;
	}

	AccountFormParams with(String field, String value) {
		values.put(field, value);
		return this;
	}

	MultiValueMap<String, String> toMap() {
		MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
		values.forEach(map::add);
		return map;
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
