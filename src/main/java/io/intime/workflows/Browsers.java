package io.intime.workflows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a client's action reads on a run's timeline: the browser and system named in a few
 * words and the address in its short form. The hash-chained log keeps the full user agent
 * as evidence; the timeline is for people.
 */
final class Browsers {

	private static final Pattern[] BROWSERS = { Pattern.compile("(Edg)/(\\d+)"), Pattern.compile("(OPR)/(\\d+)"),
			Pattern.compile("(Firefox)/(\\d+)"), Pattern.compile("(Chrome|Chromium)/(\\d+)"),
			Pattern.compile("Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?(Safari)") };

	private Browsers() {
	}

	/**
	 * "Chrome 156 on Linux", "Safari 17 on iOS"; the agent itself when it is none of
	 * them.
	 */
	static String describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "an unknown browser";
		}
		String browser = null;
		for (Pattern pattern : BROWSERS) {
			Matcher m = pattern.matcher(userAgent);
			if (m.find()) {
				browser = pattern == BROWSERS[4] ? "Safari " + m.group(1) : name(m.group(1)) + " " + m.group(2);
				break;
			}
		}
		String system = userAgent.contains("Windows") ? "Windows"
				: userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS" : userAgent.contains("Mac OS X")
						? "macOS"
						: userAgent.contains("Android") ? "Android" : userAgent.contains("Linux") ? "Linux" : null;
		if (browser == null) {
			return userAgent.length() > 60 ? userAgent.substring(0, 60) + "…" : userAgent;
		}
		return system == null ? browser : browser + " on " + system;
	}

	private static String name(String token) {
		return switch (token) {
			case "Edg" -> "Edge";
			case "OPR" -> "Opera";
			default -> token;
		};
	}

	/** An IP address literal in its short form (::1 for 0:0:0:0:0:0:0:1). */
	static String address(String ip) {
		if (ip == null || ip.isBlank()) {
			return "an unknown address";
		}
		if (!ip.contains(":")) {
			return ip;
		}
		try {
			// a literal is parsed, never looked up
			byte[] bytes = InetAddress.getByName(ip).getAddress();
			if (bytes.length != 16) {
				return ip;
			}
			int[] groups = new int[8];
			for (int i = 0; i < 8; i++) {
				groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
			}
			// the longest run of zero groups becomes "::" (RFC 5952)
			int bestStart = -1;
			int bestLength = 1;
			for (int i = 0; i < 8;) {
				int j = i;
				while (j < 8 && groups[j] == 0) {
					j++;
				}
				if (j - i > bestLength) {
					bestStart = i;
					bestLength = j - i;
				}
				i = j == i ? i + 1 : j;
			}
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < 8; i++) {
				if (i == bestStart) {
					text.append("::");
					i += bestLength - 1;
					continue;
				}
				if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
					text.append(':');
				}
				text.append(Integer.toHexString(groups[i]));
			}
			return text.toString();
		}
		catch (UnknownHostException | SecurityException ex) {
			return ip;
		}
	}

}
