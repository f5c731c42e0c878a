package io.intime.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.shared.TimelineEntry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * An account's timeline: what every module that keeps facts about accounts (activities,
 * NPS responses, placements, invoices, escalations …) contributes through its
 * {@link AccountTimelineSource}, merged newest first.
 */
@Service
public class AccountTimeline {

	/** Most entries one request returns. */
	public static final int MAX_LIMIT = 500;

	private final AccountManagement accounts;

	private final ObjectProvider<AccountTimelineSource> sources;

	AccountTimeline(AccountManagement accounts, ObjectProvider<AccountTimelineSource> sources) {
		this.accounts = accounts;
		this.sources = sources;
	}

	/**
	 * The entries of one account from {@code since} until now, newest first.
	 * @throws io.intime.shared.NotFoundException when there is no such account
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see it
	 */
	public List<TimelineEntry> of(long accountId, Instant since, int limit, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
		List<TimelineEntry> entries = new ArrayList<>();
		sources.orderedStream().forEach(source -> entries.addAll(source.timeline(account, user, since, bounded)));
		entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
		return entries.size() > bounded ? List.copyOf(entries.subList(0, bounded)) : entries;
	}

}
