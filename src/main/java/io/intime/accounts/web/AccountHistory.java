package io.intime.accounts.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.intime.accounts.ContactView;
import io.intime.accounts.ContractView;
import io.intime.identity.AuditRecord;
import io.intime.identity.UserSummary;
import io.intime.shared.web.PageFormat;

/**
 * The History tab: audit entries of an account, its contacts and its contracts, newest
 * first, with the entries one save wrote (one per field) shown together as one item.
 */
final class AccountHistory {

	/** Entries of one save are written within moments of each other. */
	private static final Duration ONE_SAVE = Duration.ofSeconds(5);

	private static final Set<String> PEOPLE_FIELDS = Set.of("ownerId", "executiveSponsorId");

	record Item(String actor, String initials, String when, String ago, String verb, String subject, String entityType,
			List<Change> changes, String detail) {
	}

	record Change(String field, String oldValue, String newValue) {
	}

	private AccountHistory() {
	}

	/**
	 * The user ids an entry page mentions (actors, owners, sponsors), to look up in one
	 * query.
	 */
	static Set<Long> peopleIn(List<AuditRecord> records) {
		Set<Long> ids = new HashSet<>();
		for (AuditRecord record : records) {
			if (record.actorId() != null) {
				ids.add(record.actorId());
			}
			if (PEOPLE_FIELDS.contains(record.field())) {
				addId(ids, record.oldValue());
				addId(ids, record.newValue());
			}
		}
		return ids;
	}

	static List<Item> of(List<AuditRecord> records, List<ContactView> contacts, List<ContractView> contracts,
			Map<Long, UserSummary> people, ZoneId zone, PageFormat format) {
		List<Item> items = new ArrayList<>();
		List<AuditRecord> group = new ArrayList<>();
		for (AuditRecord record : records) {
			if (!group.isEmpty() && !sameSave(group.get(0), record)) {
				items.add(item(group, contacts, contracts, people, zone, format));
				group = new ArrayList<>();
			}
			group.add(record);
		}
		if (!group.isEmpty()) {
			items.add(item(group, contacts, contracts, people, zone, format));
		}
		return items;
	}

	private static boolean sameSave(AuditRecord first, AuditRecord next) {
		return Objects.equals(first.actorName(), next.actorName())
				&& Objects.equals(first.entityType(), next.entityType())
				&& Objects.equals(first.entityId(), next.entityId()) && Objects.equals(first.action(), next.action())
				&& Duration.between(next.occurredAt(), first.occurredAt()).abs().compareTo(ONE_SAVE) <= 0;
	}

	private static Item item(List<AuditRecord> group, List<ContactView> contacts, List<ContractView> contracts,
			Map<Long, UserSummary> people, ZoneId zone, PageFormat format) {
		AuditRecord first = group.get(0);
		UserSummary actor = first.actorId() == null ? null : people.get(first.actorId());
		String actorName = actor != null ? actor.fullName() : first.actorName() == null ? "System" : first.actorName();
		String verb = switch (first.action()) {
			case "CREATE" -> "created";
			case "DELETE" -> "deleted";
			default -> "changed";
		};
		List<Change> changes = new ArrayList<>();
		// Oldest field first reads in the order the form has them.
		for (int i = group.size() - 1; i >= 0; i--) {
			AuditRecord record = group.get(i);
			if (record.field() == null || "accountId".equals(record.field())) {
				continue;
			}
			changes
				.add(new Change(format.field(record.field()), value(record.field(), record.oldValue(), people, format),
						value(record.field(), record.newValue(), people, format)));
		}
		return new Item(actorName, format.initials(actorName), format.dateTime(first.occurredAt(), zone),
				format.ago(first.occurredAt(), zone), verb, subject(first, contacts, contracts), first.entityType(),
				changes, first.detail());
	}

	private static String subject(AuditRecord record, List<ContactView> contacts, List<ContractView> contracts) {
		return switch (record.entityType()) {
			case "contact" -> "contact " + contacts.stream()
				.filter(c -> Objects.equals(c.id(), record.entityId()))
				.map(ContactView::name)
				.findFirst()
				.orElse("#" + record.entityId());
			case "contract" -> "contract " + (contracts == null ? "#" + record.entityId()
					: contracts.stream()
						.filter(c -> Objects.equals(c.id(), record.entityId()))
						.map(ContractView::number)
						.findFirst()
						.orElse("#" + record.entityId()));
			default -> "the account";
		};
	}

	private static String value(String field, String value, Map<Long, UserSummary> people, PageFormat format) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (PEOPLE_FIELDS.contains(field)) {
			Long id = AccountListing.id(value);
			UserSummary person = id == null ? null : people.get(id);
			return person == null ? "user #" + value : person.fullName();
		}
		if ("true".equals(value) || "false".equals(value)) {
			return "true".equals(value) ? "Yes" : "No";
		}
		if ("arr".equals(field)) {
			try {
				return format.number(new java.math.BigDecimal(value));
			}
			catch (NumberFormatException e) {
				return value;
			}
		}
		if (value.matches("[A-Z][A-Z_]+") && !value.matches("[A-Z]{3}")) {
			return format.label(value);
		}
		return value;
	}

	private static void addId(Set<Long> ids, String value) {
		Long id = AccountListing.id(value);
		if (id != null) {
			ids.add(id);
		}
	}

}
