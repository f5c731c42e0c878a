package io.intime.automation.onboarding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactMerge;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 16: the account's duplicate contacts merged into the contact kept, with all their
 * history and links (the accounts module decides who is the same person and moves every
 * record that names the duplicate: {@link ContactManagement#mergeDuplicates}). A second
 * run finds nothing to merge.
 */
@Component
class DuplicateContactCleanup implements WorkflowAction {

	static final String KEY = "onboarding.duplicate-contacts";

	private final ContactManagement contacts;

	DuplicateContactCleanup(ContactManagement contacts) {
		this.contacts = contacts;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Merge duplicate contacts";
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		int before = contacts.forAccount(context.accountId(), context.actingAs()).size();
		List<ContactMerge> merges = contacts.mergeDuplicates(context.accountId(), context.actingAs());
		if (merges.isEmpty()) {
			return ActionResult.of("No duplicate contacts among " + before + " contacts").with("merged", 0);
		}
		Map<Long, List<ContactMerge>> byKept = new LinkedHashMap<>();
		merges.forEach(m -> byKept.computeIfAbsent(m.keptId(), k -> new ArrayList<>()).add(m));
		List<String> lines = new ArrayList<>();
		for (List<ContactMerge> group : byKept.values()) {
			ContactMerge first = group.get(0);
			Map<String, Integer> moved = new TreeMap<>();
			List<String> filled = new ArrayList<>();
			int dropped = 0;
			for (ContactMerge merge : group) {
				merge.moved().forEach((table, rows) -> moved.merge(table, rows, Integer::sum));
				merge.filled().stream().filter(f -> !filled.contains(f)).forEach(filled::add);
				dropped += merge.dropped();
			}
			int rows = moved.values().stream().mapToInt(Integer::intValue).sum();
			StringBuilder line = new StringBuilder("Merged ")
				.append(group.size() == 1 ? "1 duplicate contact" : group.size() + " duplicate contacts")
				.append(" into ")
				.append(first.keptName())
				.append(" (")
				.append(String.join("; ",
						group.stream()
							.map(m -> "'" + m.mergedName() + "' #" + m.mergedId() + ": " + m.reason())
							.toList()))
				.append("): ")
				.append(rows == 0 ? "no records to move" : OnboardingRecords.count(rows, "record") + " moved");
			if (!moved.isEmpty()) {
				line.append(" (")
					.append(String.join(", ",
							moved.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()))
					.append(")");
			}
			if (dropped > 0) {
				line.append(", ").append(dropped).append(" already held by ").append(first.keptName());
			}
			if (!filled.isEmpty()) {
				line.append("; ").append(first.keptName()).append(" gained ").append(String.join(", ", filled));
			}
			lines.add(line.toString());
		}
		return new ActionResult(lines, Map.of("merged", merges.size(), "kept", byKept.size()), null, null);
	}

}
