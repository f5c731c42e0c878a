package io.intime.accounts.web;

import java.util.List;

/** Choices the forms offer beside what the person types. */
final class FormOptions {

	/** Common zones for the time-zone datalist; any valid IANA zone is accepted. */
	static final List<String> TIME_ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
			"America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Toronto",
			"America/Vancouver", "America/Mexico_City", "America/Sao_Paulo", "Europe/London", "Europe/Dublin",
			"Europe/Paris", "Europe/Berlin", "Europe/Amsterdam", "Europe/Madrid", "Europe/Zurich", "Europe/Stockholm",
			"Europe/Warsaw", "Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Hong_Kong",
			"Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul", "Australia/Sydney", "Australia/Melbourne", "Pacific/Auckland",
			"UTC");

	static final List<String> REGIONS = List.of("North America", "Latin America", "EMEA", "APAC");

	static final List<String> PAYMENT_TERMS = List.of("Due on receipt", "Net 15", "Net 30", "Net 45", "Net 60",
			"Net 90");

	private FormOptions() {
	}

}
