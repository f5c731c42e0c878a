package io.intime.workflows.files;

import java.util.regex.Pattern;

/** The keys every storage accepts: relative paths of safe characters, never upwards. */
final class StorageKeys {

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

	private StorageKeys() {
	}

	static String checked(String key) {
		if (key == null || key.length() > 300 || key.contains("..") || !SAFE.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a storage key: " + key);
		}
		return key;
	}

}
