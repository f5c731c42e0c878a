package io.intime.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
import io.intime.shared.CurrencyRates;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service credits (spec 01 step 2, "Offer Service Credit"): an executive or sales
 * director offers a credit with its amount and reason; finance approves or rejects it
 * (spec 02's authority limits: account managers offer none); once approved it is on the
 * account's billing. Finance hears of an offer, the one who offered of the decision.
 */
@Service
public class ServiceCredits {

	static final String ENTITY = "service_credit";

	static final String REQUESTED = "billing.service-credit-requested";

	static final String DECIDED = "billing.service-credit-decided";

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final UserDirectory users;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final CurrencyRates rates;

	private final Today time;

	ServiceCredits(JdbcClient jdbc, AccountManagement accounts, UserDirectory users, Notifications notifications,
			AuditTrail audit, CurrencyRates rates, Today time) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.users = users;
		this.notifications = notifications;
		this.audit = audit;
		this.rates = rates;
		this.time = time;
	}

	/** A credit as pages and the API show it. */
	public record Credit(long id, long accountId, String accountName, Money amount, String reason, String status,
			String offeredBy, Instant offeredAt, String decidedBy, Instant decidedAt, String decisionNote,
			long version) {

		public boolean pending() {
			return "PENDING".equals(status);
		}
	}

	public static boolean mayOffer(CurrentUser user) {
		return user.hasRole(Role.EXECUTIVE, Role.SALES_DIRECTOR);
	}

	public static boolean mayDecide(CurrentUser user) {
		return user.hasRole(Role.FINANCE);
	}

	/**
	 * Offers a credit; it waits for finance.
	 * @throws InvalidInputException naming {@code amount} or {@code reason}
	 */
	@Transactional
	public Credit offer(long accountId, Money amount, String reason, CurrentUser user) {
		if (!mayOffer(user)) {
			throw new AccessDeniedException("Only executives and sales directors offer service credits");
		}
		AccountDetails account = accounts.get(accountId, user);
		List<FieldError> errors = new ArrayList<>();
		if (amount == null || amount.amount() == null) {
			errors.add(new FieldError("amount", "is required"));
		}
		else if (amount.amount().signum() <= 0) {
			errors.add(new FieldError("amount", "must be more than zero"));
		}
		else if (!rates.supports(amount.currency())) {
			errors.add(new FieldError("amount", "is in a currency we do not bill in: " + amount.currency()));
		}
		else if (account.arr().amount().signum() > 0
				&& rates.convert(amount, "USD").amount().compareTo(rates.convert(account.arr(), "USD").amount()) > 0) {
			errors.add(new FieldError("amount", "is more than the account's ARR (" + account.arr().display() + ")"));
		}
		if (reason == null || reason.isBlank()) {
			errors.add(new FieldError("reason", "is required: finance approves a credit for a reason"));
		}
		else if (reason.length() > 1000) {
			errors.add(new FieldError("reason", "is at most 1000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant now = time.now();
		long id = jdbc.sql("""
				insert into service_credit (account_id, amount, currency, reason, status, offered_by, offered_at)
				values (:a, :amount, :currency, :reason, 'PENDING', :by, :at) returning id""")
			.param("a", accountId)
			.param("amount", amount.amount())
			.param("currency", amount.currency())
			.param("reason", reason.strip())
			.param("by", user.id())
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("account", account.name());
		state.put("amount", amount.display());
		state.put("reason", reason.strip());
		state.put("status", "PENDING");
		audit.recordCreated(ENTITY, id, state, user);
		Long[] finance = users.withRoles(Role.FINANCE)
			.stream()
			.filter(UserSummary::enabled)
			.map(UserSummary::id)
			.toArray(Long[]::new);
		notifications.send(new Notice(REQUESTED, accountId, ENTITY, id, "offered",
				account.name() + ": service credit of " + MoneyFormat.compact(amount) + " awaits approval",
				user.fullName() + " offered " + account.name() + " a credit of " + amount.display() + ": "
						+ reason.strip(),
				"/billing/service-credits", null, Set.of(finance), user.actor()));
		return get(id);
	}

	/**
	 * Finance approves or rejects a pending credit; a stale version is refused.
	 * @throws InvalidInputException naming {@code note} when a rejection has no reason
	 */
	@Transactional
	public Credit decide(long id, boolean approve, String note, long version, CurrentUser user) {
		if (!mayDecide(user)) {
			throw new AccessDeniedException("Only finance approves service credits");
		}
		Credit credit = get(id);
		if (!approve && (note == null || note.isBlank())) {
			throw new InvalidInputException("note", "is required: say why the credit is rejected");
		}
		int changed = jdbc.sql("""
				update service_credit set status = :status, decided_by = :by, decided_at = :at, decision_note = :note,
				       version = version + 1
				 where id = :id and version = :version and status = 'PENDING'""")
			.param("status", approve ? "APPROVED" : "REJECTED")
			.param("by", user.id())
			.param("at", Timestamp.from(time.now()))
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new StaleVersionException("Service credit", id, version, get(id).version());
		}
		audit.recordChanges(ENTITY, id,
				List.of(new FieldChange("status", "PENDING", approve ? "APPROVED" : "REJECTED")), user);
		Long offeredBy = jdbc.sql("select offered_by from service_credit where id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		notifications.send(new Notice(DECIDED, credit.accountId(), ENTITY, id, approve ? "approved" : "rejected",
				credit.accountName() + ": service credit of " + MoneyFormat.compact(credit.amount())
						+ (approve ? " approved" : " rejected"),
				(approve ? "Finance approved the credit; it is on the account's billing."
						: "Finance rejected the credit: " + note.strip()),
				"/accounts/" + credit.accountId() + "/invoices", null, Set.of(offeredBy), user.actor()));
		return get(id);
	}

	/** The account's credits, latest first. */
	@Transactional(readOnly = true)
	public List<Credit> forAccount(long accountId) {
		return list("c.account_id = :a", Map.of("a", accountId));
	}

	/** Credits waiting for finance, oldest first. */
	@Transactional(readOnly = true)
	public List<Credit> pending() {
		return list("c.status = 'PENDING'", Map.of());
	}

	/** Recent decisions, for finance's page. */
	@Transactional(readOnly = true)
	public List<Credit> decided() {
		return list("c.status <> 'PENDING' and c.decided_at > now() - interval '90 days'", Map.of());
	}

	@Transactional(readOnly = true)
	public Credit get(long id) {
		return list("c.id = :id", Map.of("id", id)).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Service credit", id));
	}

	/**
	 * The credits the condition selects, with their accounts' names read from accounts
	 * (the account's table is its module's), in two statements.
	 */
	private List<Credit> list(String where, Map<String, Object> params) {
		List<Credit> found = jdbc.sql("""
				select c.*, o.full_name as offered_name, d.full_name as decided_name
				  from service_credit c
				  left join app_user o on o.id = c.offered_by
				  left join app_user d on d.id = c.decided_by
				 where """ + " " + where + " order by c.offered_at desc, c.id desc limit 200")
			.params(params)
			.query((rs, n) -> {
				Timestamp decided = rs.getTimestamp("decided_at");
				return new Credit(rs.getLong("id"), rs.getLong("account_id"), null,
						new Money(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getString("reason"),
						rs.getString("status"), rs.getString("offered_name"), rs.getTimestamp("offered_at").toInstant(),
						rs.getString("decided_name"), decided == null ? null : decided.toInstant(),
						rs.getString("decision_note"), rs.getLong("version"));
			})
			.list();
		if (found.isEmpty()) {
			return found;
		}
		Map<Long, AccountManagement.Stewards> accountsById = accounts
			.stewards(found.stream().map(Credit::accountId).distinct().toList());
		return found.stream()
			.map(c -> new Credit(c.id(), c.accountId(),
					accountsById.containsKey(c.accountId()) ? accountsById.get(c.accountId()).name() : null, c.amount(),
					c.reason(), c.status(), c.offeredBy(), c.offeredAt(), c.decidedBy(), c.decidedAt(),
					c.decisionNote(), c.version()))
			.toList();
	}

	/** The kinds of notice service credits send. */
	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		NotificationKind serviceCreditRequested() {
			return new NotificationKind(REQUESTED, "Service credit awaits approval",
					"An executive offered a client a service credit that finance approves.", Set.of(Audience.NAMED),
					NotificationSeverity.HIGH, Set.of(Channel.IN_APP, Channel.EMAIL));
		}

		@Bean
		NotificationKind serviceCreditDecided() {
			return new NotificationKind(DECIDED, "Service credit decided",
					"Finance approved or rejected a service credit you offered.", Set.of(Audience.NAMED),
					NotificationSeverity.NORMAL, Set.of(Channel.IN_APP, Channel.EMAIL));
		}

	}

}
