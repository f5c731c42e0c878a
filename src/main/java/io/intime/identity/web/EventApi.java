package io.intime.identity.web;

import java.time.Instant;
import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.identity.DomainEventLog;
import io.intime.identity.EventRecord;
import io.intime.identity.HistoryAccess;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The domain event log (the spec's "Events Logged"), newest first. Who reads what:
 * <ul>
 * <li>executives, sales directors and admins: every event;</li>
 * <li>everyone else: only the events of one account ({@code accountId} is then required),
 * and only when the module that owns accounts allows it (see
 * {@link HistoryAccess#checkAccountEvents}: those who may see the account's contracts,
 * because contract events carry their terms and values).</li>
 * </ul>
 * A refusal is a 403 recorded in the audit trail.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "The domain event log")
class EventApi {

	private final DomainEventLog log;

	private final List<HistoryAccess> histories;

	EventApi(DomainEventLog log, List<HistoryAccess> histories) {
		this.log = log;
		this.histories = histories;
	}

	@GetMapping
	@Operation(summary = "Read the domain event log", description = "Filtered by type (e.g. contract.created), "
			+ "accountId and since (an ISO-8601 instant such as 2026-01-31T09:30:00Z), newest first.")
	PageResult<EventRecord> list(@RequestParam(required = false) String type,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) Instant since,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		PageRequest request = new PageRequest(page, size);
		if (!user.seesEverything()) {
			if (accountId == null) {
				throw new AccessDeniedException(
						"Only executives, sales directors and admins read every event; give accountId to read one account's");
			}
			histories.stream()
				.filter(history -> history.owns("account"))
				.findFirst()
				.orElseThrow(() -> new AccessDeniedException("No module decides who reads account events"))
				.checkAccountEvents(accountId, user);
		}
		return log.find(StringUtils.hasText(type) ? type.trim() : null, accountId, since, request);
	}

}
