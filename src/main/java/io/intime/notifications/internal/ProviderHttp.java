package io.intime.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts to a chat or SMS provider with the configured timeouts, turning a refusal (any
 * answer but 2xx, 429 included: the worker retries it with back-off) or an unreachable
 * provider into a {@link DeliveryException}. Error messages name the host, never the full
 * URL (a webhook URL carries its secret) nor credentials.
 */
final class ProviderHttp {

	private static final int BODY_EXCERPT = 200;

	private final HttpClient client;

	private final Duration readTimeout;

	ProviderHttp(Duration connectTimeout, Duration readTimeout) {
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.readTimeout = readTimeout;
	}

	/** Posts the body; returns normally on a 2xx answer. */
	void post(String url, String contentType, String body, Map<String, String> headers) throws DeliveryException {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new DeliveryException("The provider URL is not a valid URL");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(readTimeout)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		HttpResponse<String> response;
		try {
			response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.net.http.HttpTimeoutException ex) {
			throw new DeliveryException(uri.getHost() + " did not answer within " + readTimeout.toMillis() + " ms", ex);
		}
		catch (IOException ex) {
			throw new DeliveryException(uri.getHost() + " could not be reached: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("Interrupted while sending to " + uri.getHost(), ex);
		}
		int status = response.statusCode();
		if (status < 200 || status > 299) {
			String answer = response.body() == null ? "" : response.body().strip();
			if (answer.length() > BODY_EXCERPT) {
				answer = answer.substring(0, BODY_EXCERPT);
			}
			throw new DeliveryException(
					uri.getHost() + " answered " + status + (answer.isEmpty() ? "" : ": " + answer));
		}
	}

}
