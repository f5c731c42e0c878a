package io.intime.accounts.web;

import java.util.Set;

import io.intime.accounts.AccountQuery;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.HealthBand;
import io.intime.accounts.Tier;
import io.intime.shared.PageResult;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One rendering of the accounts list: the query as the person set it, the page it gave,
 * and the links (sort headers, pager) that keep the other filters. {@code viewer} is the
 * id of the account manager reading it, who may switch between "My accounts" and "All
 * accounts" (null for everyone else).
 */
public record AccountListing(AccountQuery query, String strategic, PageResult<AccountSummary> result, Long viewer) {

	public AccountListing(AccountQuery query, String strategic, PageResult<AccountSummary> result) {
		this(query, strategic, result, null);
	}

	static final Set<String> SORTS = Set.of("name", "arr", "tier", "status", "updated", "key", "region", "health");

	private static final Set<String> DESCENDING_FIRST = Set.of("arr", "updated");

	/**
	 * Whether a filter narrows the list. The reader's own portfolio ("My accounts") is
	 * where they start, not a filter to clear.
	 */
	public boolean filtered() {
		return query.q() != null || query.tier() != null || query.status() != null
				|| (query.ownerId() != null && !mine()) || query.strategic() != null || query.band() != null
				|| query.healthMin() != null || query.healthMax() != null || query.archived();
	}

	/** Whether the "My accounts" / "All accounts" switch is shown. */
	public boolean offersScope() {
		return viewer != null;
	}

	/** The reader's own portfolio: the account manager filter is the reader. */
	public boolean mine() {
		return viewer != null && viewer.equals(query.ownerId());
	}

	/** Every account manager's accounts. */
	public boolean everyone() {
		return query.ownerId() == null;
	}

	/**
	 * The switch's link to {@code mine} or {@code all}: the other filters and the sort
	 * stay, the page starts again.
	 */
	public String scopeUrl(String scope) {
		return builder(query.sort(), query.descending(), 0, null).queryParam("scope", scope)
			.encode()
			.build()
			.toUriString();
	}

	public boolean sortedBy(String column) {
		return column.equals(query.sort());
	}

	/**
	 * The header link: the same column flips the direction, another one starts at its
	 * natural order.
	 */
	public String sortUrl(String column) {
		boolean descending = sortedBy(column) ? !query.descending() : DESCENDING_FIRST.contains(column);
		return url(column, descending, 0, query.ownerId());
	}

	/** "ascending"/"descending"/"none", for aria-sort. */
	public String ariaSort(String column) {
		return !sortedBy(column) ? "none" : query.descending() ? "descending" : "ascending";
	}

	public String pageUrl(int page) {
		return url(query.sort(), query.descending(), page, query.ownerId());
	}

	public String clearUrl() {
		return "/accounts";
	}

	private String url(String sort, boolean descending, int page, Long ownerId) {
		return builder(sort, descending, page, ownerId).encode().build().toUriString();
	}

	private UriComponentsBuilder builder(String sort, boolean descending, int page, Long ownerId) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/accounts");
		if (query.q() != null) {
			url.queryParam("q", query.q());
		}
		if (query.tier() != null) {
			url.queryParam("tier", query.tier().name());
		}
		if (query.status() != null) {
			url.queryParam("status", query.status().name());
		}
		if (ownerId != null) {
			url.queryParam("owner", ownerId);
		}
		if (strategic != null) {
			url.queryParam("strategic", strategic);
		}
		if (query.band() != null) {
			url.queryParam("band", query.band().name());
		}
		if (query.healthMin() != null) {
			url.queryParam("healthMin", query.healthMin());
		}
		if (query.healthMax() != null) {
			url.queryParam("healthMax", query.healthMax());
		}
		if (query.archived()) {
			url.queryParam("archived", true);
		}
		if (!"name".equals(sort) || descending) {
			url.queryParam("sort", sort);
		}
		if (descending) {
			url.queryParam("dir", "desc");
		}
		if (page > 0) {
			url.queryParam("page", page);
		}
		return url;
	}

	static Tier tier(String value) {
		return parse(Tier.class, value);
	}

	static HealthBand band(String value) {
		return parse(HealthBand.class, value);
	}

	/** A health score bound from a link; anything but 0–100 is no bound. */
	static Integer score(String value) {
		Long score = id(value);
		return score == null || score < 0 || score > 100 ? null : score.intValue();
	}

	static AccountStatus status(String value) {
		return parse(AccountStatus.class, value);
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static Long id(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	static int page(String value) {
		Long page = id(value);
		return page == null || page < 0 || page > 1_000_000 ? 0 : page.intValue();
	}
}
