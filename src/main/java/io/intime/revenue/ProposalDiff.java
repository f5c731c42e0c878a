package io.intime.revenue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * The difference between two versions of a proposal, per part (the title, each section,
 * the rate lines, the projection's inputs), word by word: what stayed, what was inserted
 * and what was deleted. Computed with java-diff-utils (Myers' algorithm).
 */
public final class ProposalDiff {

	private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

	private ProposalDiff() {
	}

	/**
	 * A run of text that is the same in both, only in the newer, or only in the older.
	 */
	public record Segment(Kind kind, String text) {
	}

	public enum Kind {

		SAME, INSERTED, DELETED

	}

	/** One part of the proposal; {@code changed} when anything in it differs. */
	public record Part(String label, boolean changed, List<Segment> segments) {
	}

	/** The parts of two versions' texts, each given as label → text in the same order. */
	public static List<Part> between(List<String[]> older, List<String[]> newer) {
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < Math.max(older.size(), newer.size()); i++) {
			String label = i < newer.size() ? newer.get(i)[0] : older.get(i)[0];
			String before = i < older.size() ? older.get(i)[1] : "";
			String after = i < newer.size() ? newer.get(i)[1] : "";
			parts.add(part(label, before, after));
		}
		return parts;
	}

	/** The word-by-word difference of two texts. */
	public static Part part(String label, String before, String after) {
		List<String> a = tokens(before);
		List<String> b = tokens(after);
		Patch<String> patch = DiffUtils.diff(a, b);
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			int start = delta.getSource().getPosition();
			add(segments, Kind.SAME, a.subList(at, start));
			add(segments, Kind.DELETED, delta.getSource().getLines());
			add(segments, Kind.INSERTED, delta.getTarget().getLines());
			at = start + delta.getSource().size();
		}
		add(segments, Kind.SAME, a.subList(at, a.size()));
		return new Part(label, !patch.getDeltas().isEmpty(), segments);
	}

	private static void add(List<Segment> segments, Kind kind, List<String> tokens) {
		if (tokens.isEmpty()) {
			return;
		}
		String text = String.join("", tokens);
		if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
			Segment last = segments.remove(segments.size() - 1);
			text = last.text() + text;
		}
		segments.add(new Segment(kind, text));
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher m = TOKEN.matcher(text == null ? "" : text);
		while (m.find()) {
			tokens.add(m.group());
		}
		return tokens;
	}

	static List<String> lines(String... lines) {
		return Arrays.asList(lines);
	}

}
