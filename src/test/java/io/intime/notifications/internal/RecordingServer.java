package io.intime.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server for the sender tests: records each request and answers with the
 * status and body it is given, after an optional delay.
 */
final class RecordingServer implements AutoCloseable {

	record Request(String method, String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	final List<Request> requests = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private volatile int status = 200;

	private volatile String answer = "ok";

	private volatile Duration delay = Duration.ZERO;

	RecordingServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
						Map.copyOf(exchange.getRequestHeaders()),
						new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
			exchange.close();
		});
		server.start();
	}

	RecordingServer answering(int status, String answer) {
		this.status = status;
		this.answer = answer;
		return this;
	}

	RecordingServer after(Duration delay) {
		this.delay = delay;
		return this;
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
