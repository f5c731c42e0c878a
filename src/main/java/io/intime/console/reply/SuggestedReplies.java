package io.intime.console.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.ActivityView;
import io.intime.engagement.BusyTimes;
import io.intime.engagement.Party;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Today;
import io.intime.staffing.JobManagement;
import io.intime.staffing.JobStatus;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementManagement;
import io.intime.staffing.PlacementView;
import io.intime.staffing.RecruiterManagement;
import io.intime.staffing.RecruiterView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A suggested reply to a client's email (spec 02 step 6), drafted by {@link ReplyRules}
 * from the account's context as the reader may see it: open roles, the recruiters on them
 * with room for more, the last placements, and the account manager's free hours (around
 * the calls and meetings {@link BusyTimes} knows). The account manager edits it before
 * sending.
 */
@Service
class SuggestedReplies {

	/** How far ahead busy times are read for the free hours offered. */
	static final Duration HORIZON = Duration.ofDays(14);

	private final ActivityManagement activities;

	private final AccountManagement accounts;

	private final JobManagement jobs;

	private final PlacementManagement placements;

	private final RecruiterManagement recruiters;

	private final BusyTimes busy;

	private final UserDirectory users;

	private final Today time;

	SuggestedReplies(ActivityManagement activities, AccountManagement accounts, JobManagement jobs,
			PlacementManagement placements, RecruiterManagement recruiters, BusyTimes busy, UserDirectory users,
			Today time) {
		this.activities = activities;
		this.accounts = accounts;
		this.jobs = jobs;
		this.placements = placements;
		this.recruiters = recruiters;
		this.busy = busy;
		this.users = users;
		this.time = time;
	}

	/** The message replied to and the draft. */
	record Suggestion(ActivityView message, AccountDetails account, Party contact, ReplyRules.Draft draft) {
	}

	/**
	 * @throws InvalidInputException ({@code activityId}) when the activity is not an
	 * email from the client
	 * @throws io.intime.shared.NotFoundException when there is no such activity
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see it
	 */
	@Transactional(readOnly = true)
	Suggestion suggest(long activityId, CurrentUser user) {
		ActivityView message = activities.get(activityId, user);
		if (message.type() != ActivityType.EMAIL || message.direction() != ActivityDirection.INBOUND) {
			throw new InvalidInputException(List.of(new FieldError("activityId",
					"is not an email from the client: a reply is suggested for inbound emails")));
		}
		AccountDetails account = accounts.get(message.accountId(), user);
		Party contact = message.contacts().isEmpty() ? null : message.contacts().get(0);
		List<String> openJobs = List.of();
		List<ReplyRules.PlacementFact> recent = List.of();
		List<ReplyRules.RecruiterRoom> room = List.of();
		if (jobs.canView(account, user)) {
			List<JobView> open = jobs.forAccount(account.id(), user)
				.stream()
				.filter(j -> j.status() == JobStatus.OPEN)
				.toList();
			openJobs = open.stream().map(JobView::title).toList();
			recent = placements.forAccount(account.id(), user)
				.stream()
				.filter(p -> !p.startDate().isAfter(time.today(user.timeZone())))
				.sorted(Comparator.comparing(PlacementView::startDate).reversed())
				.limit(3)
				.map(p -> new ReplyRules.PlacementFact(p.candidateName(), p.jobTitle(), p.startDate()))
				.toList();
			Map<Long, Boolean> onAccount = new LinkedHashMap<>();
			open.stream().map(JobView::recruiterId).filter(Objects::nonNull).forEach(id -> onAccount.put(id, true));
			room = recruiters.options(user)
				.stream()
				.filter(r -> onAccount.containsKey(r.id()) && r.maxActiveJobs() > r.activeJobs())
				.sorted(Comparator.comparing((RecruiterView r) -> r.activeJobs() - r.maxActiveJobs()))
				.map(r -> new ReplyRules.RecruiterRoom(r.name(), r.maxActiveJobs() - r.activeJobs()))
				.toList();
		}
		Instant now = time.now();
		List<FreeSlots.Slot> slots = FreeSlots.offer(now.atZone(user.timeZone()), user.timeZone(),
				busy.of(user, now, now.plus(HORIZON)));
		UserSummary me = users.find(user.id()).orElseThrow();
		ReplyRules.Draft draft = ReplyRules.draft(new ReplyRules.Facts(message.subject(), message.notes(),
				contact == null ? null : contact.name().split(" ")[0], account.name(), me.fullName(), me.title(),
				openJobs, recent, room, slots));
		return new Suggestion(message, account, contact, draft);
	}

}
