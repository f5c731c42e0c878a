package io.intime.workflows.files;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Sizes as people read them: binary units, at most one decimal, "20 MB", "25.3 MB". */
public final class FileSizes {

	private static final long KB = 1024;

	private static final long MB = 1024 * KB;

	private FileSizes() {
	}

	public static String text(long bytes) {
		if (bytes < KB) {
			return bytes + " bytes";
		}
		if (bytes < MB) {
			return oneDecimal(bytes, KB) + " KB";
		}
		return oneDecimal(bytes, MB) + " MB";
	}

	private static String oneDecimal(long bytes, long unit) {
		return BigDecimal.valueOf(bytes)
			.divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

}
