package io.intime.accounts.web;

import java.util.Arrays;
import java.util.Optional;

/** What a CSV import creates; {@code slug} is how URLs and forms name it. */
enum ImportKind {

	ACCOUNTS("accounts", "account", "accounts"), CONTACTS("contacts", "contact", "contacts");

	private final String slug;

	private final String singular;

	private final String plural;

	ImportKind(String slug, String singular, String plural) {
		this.slug = slug;
		this.singular = singular;
		this.plural = plural;
	}

	static Optional<ImportKind> of(String slug) {
		return Arrays.stream(values()).filter(kind -> kind.slug.equalsIgnoreCase(slug)).findFirst();
	}

	public String slug() {
		return slug;
	}

	/** "1 account", "42 accounts". */
	public String count(long n) {
		return String.format(java.util.Locale.US, "%,d", n) + " " + (n == 1 ? singular : plural);
	}

	public String plural() {
		return plural;
	}

}
