package io.intime.workflows;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's browser and address as the run's timeline shows them. */
class BrowsersTest {

	@Test
	void commonBrowsersAreNamedWithTheirSystem() {
		assertThat(Browsers.describe(
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36"))
			.isEqualTo("Chrome 156 on Linux");
		assertThat(Browsers.describe(
				"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.68"))
			.isEqualTo("Edge 130 on Windows");
		assertThat(Browsers.describe(
				"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"))
			.isEqualTo("Safari 17 on iOS");
		assertThat(Browsers
			.describe("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0"))
			.isEqualTo("Firefox 128 on macOS");
		assertThat(Browsers.describe("JUnit client browser")).isEqualTo("JUnit client browser");
		assertThat(Browsers.describe(null)).isEqualTo("an unknown browser");
	}

	@Test
	void addressesAreShownInTheirShortForm() {
		assertThat(Browsers.address("0:0:0:0:0:0:0:1")).isEqualTo("::1");
		assertThat(Browsers.address("2001:db8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
		assertThat(Browsers.address("fe80:0:0:0:1:0:0:1")).isEqualTo("fe80::1:0:0:1");
		assertThat(Browsers.address("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(Browsers.address(null)).isEqualTo("an unknown address");
	}

}
