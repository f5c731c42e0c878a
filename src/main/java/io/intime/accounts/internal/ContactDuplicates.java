package io.intime.accounts.internal;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which contacts of one account are the same person, and which of them is kept: the
 * oldest.
 * <p>
 * A second contact with the same email is refused at the door (a unique index on the
 * account and the lower-cased email, and forms trim the address), so two contacts with
 * the same email exist only from data written around the forms (an old import, with the
 * address in another case or with spaces). Most duplicates are the same person entered
 * twice with what was at hand: without an email, or with another address but the same
 * phone. Two contacts are therefore the same person when they have
 * <ol>
 * <li>the same email, ignoring case and surrounding spaces; or</li>
 * <li>the same name and the same phone number (names compared without case, accents,
 * punctuation and repeated spaces; phones by their digits without a national trunk zero,
 * one number the same as another that ends with it, so that "+1 512 555 0100" is
 * "512-555-0100", "+47 22 55 01 00" is "22550100" and "+44 20 7946 0958" is "020 7946
 * 0958"); or</li>
 * <li>the same name where one of the two has no email and one has no phone, so nothing
 * they say disagrees. A contact joins a group this way only when the group then still has
 * at most one email and one phone: "Jane Doe" without an email is not the link that makes
 * two Jane Does with different addresses one person.</li>
 * </ol>
 */
public final class ContactDuplicates {

	/** The fewest digits a phone number needs to identify anyone. */
	private static final int PHONE_DIGITS = 7;

	private ContactDuplicates() {
	}

	/** A contact as the matching reads it. */
	public record Candidate(long id, Instant createdAt, String name, String email, String phone) {
	}

	/**
	 * A duplicate and the contact it is merged into.
	 *
	 * @param reason why they are the same person: {@code same email},
	 * {@code same name and phone} or {@code same name}
	 */
	public record Match(long keptId, long duplicateId, String reason) {
	}

	/**
	 * The duplicates among the contacts of one account, each with the contact kept (the
	 * oldest of its group; the lower id when created at the same instant), oldest
	 * duplicates first.
	 */
	public static List<Match> find(List<Candidate> contacts) {
		List<Candidate> sorted = new ArrayList<>(contacts);
		sorted.sort(Comparator.comparing(Candidate::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparingLong(Candidate::id));
		int n = sorted.size();
		String[] names = new String[n];
		String[] emails = new String[n];
		String[] phones = new String[n];
		for (int i = 0; i < n; i++) {
			names[i] = name(sorted.get(i).name());
			emails[i] = email(sorted.get(i).email());
			phones[i] = phone(sorted.get(i).phone());
		}
		int[] group = new int[n];
		for (int i = 0; i < n; i++) {
			group[i] = i;
		}
		Map<Integer, String> reasons = new HashMap<>();
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				String reason = null;
				boolean guarded = false;
				if (emails[i] != null && emails[i].equals(emails[j])) {
					reason = "same email";
				}
				else if (names[i] != null && names[i].equals(names[j])) {
					if (samePhone(phones[i], phones[j])) {
						reason = "same name and phone";
					}
					else if ((emails[i] == null || emails[j] == null) && (phones[i] == null || phones[j] == null)) {
						reason = "same name";
						guarded = true;
					}
				}
				if (reason == null) {
					continue;
				}
				int a = root(group, i);
				int b = root(group, j);
				if (a == b || guarded && !agree(group, a, b, emails, phones)) {
					continue;
				}
				// the older group's root stays the root: the kept contact is the oldest
				group[Math.max(a, b)] = Math.min(a, b);
				reasons.putIfAbsent(j, reason);
				reasons.putIfAbsent(i, reason);
			}
		}
		List<Match> matches = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int root = root(group, i);
			if (root != i) {
				matches.add(new Match(sorted.get(root).id(), sorted.get(i).id(), reasons.get(i)));
			}
		}
		return matches;
	}

	/** Whether the two groups together still have at most one email and one phone. */
	private static boolean agree(int[] group, int a, int b, String[] emails, String[] phones) {
		Set<String> groupEmails = new HashSet<>();
		List<String> groupPhones = new ArrayList<>();
		for (int k = 0; k < group.length; k++) {
			int root = root(group, k);
			if (root == a || root == b) {
				if (emails[k] != null) {
					groupEmails.add(emails[k]);
				}
				if (phones[k] != null) {
					groupPhones.add(phones[k]);
				}
			}
		}
		return groupEmails.size() <= 1 && groupPhones.stream().allMatch(p -> samePhone(p, groupPhones.get(0)));
	}

	/**
	 * Whether two numbers (as {@link #phone} gives them) reach the same line: equal, or
	 * one the other with a country code in front.
	 */
	static boolean samePhone(String one, String other) {
		if (one == null || other == null) {
			return false;
		}
		return one.length() >= other.length() ? one.endsWith(other) : other.endsWith(one);
	}

	private static int root(int[] group, int i) {
		while (group[i] != i) {
			group[i] = group[group[i]];
			i = group[i];
		}
		return i;
	}

	/**
	 * The name without case, accents, punctuation and repeated spaces; null when blank.
	 */
	static String name(String name) {
		if (name == null) {
			return null;
		}
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
		return plain.isEmpty() ? null : plain;
	}

	/** The address trimmed and lower-cased; null when blank. */
	static String email(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The phone's digits without the leading zeros of a national trunk prefix or an
	 * international call prefix ("020 …", "0047 …"); null with fewer than seven, which
	 * identify nobody.
	 */
	static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("\\D", "").replaceFirst("^0+", "");
		return digits.length() < PHONE_DIGITS ? null : digits;
	}

}
