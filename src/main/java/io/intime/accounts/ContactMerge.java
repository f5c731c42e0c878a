package io.intime.accounts;

import java.util.List;
import java.util.Map;

/**
 * A duplicate contact merged into the contact kept.
 *
 * @param reason why they are the same person: {@code same email},
 * {@code same name and phone} or {@code same name}
 * @param filled the kept contact's fields that took the duplicate's value because it had
 * none (e.g. {@code title}, {@code phone})
 * @param moved the rows that referred to the duplicate and now refer to the kept contact,
 * by table and column (e.g. {@code nps_response.contact_id},
 * {@code activity.contact_ids})
 * @param dropped the duplicate's rows left out because the kept contact already had the
 * same one (a unique constraint allows it once)
 */
public record ContactMerge(long accountId, long keptId, String keptName, long mergedId, String mergedName,
		String reason, List<String> filled, Map<String, Integer> moved, int dropped) {

	public ContactMerge {
		filled = List.copyOf(filled);
		moved = Map.copyOf(moved);
	}

	/** How many rows now refer to the kept contact instead. */
	public int movedRows() {
		return moved.values().stream().mapToInt(Integer::intValue).sum();
	}

}
