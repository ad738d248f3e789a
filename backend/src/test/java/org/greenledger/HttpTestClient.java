package org.greenledger;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client against the running test server: keeps cookies like a browser, does
 * not follow redirects, and can sign in through the portal's login form (with its CSRF
 * token). Like a browser it treats loopback addresses as secure, so cookies marked
 * {@code Secure} (Keycloak sets them even over plain HTTP) go back to 127.0.0.1.
 */
public final class HttpTestClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient client;

	public HttpTestClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new LoopbackCookies())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send(request(path, headers).GET().build());
	}

	/** A GET whose body is bytes (downloads). */
	public HttpResponse<byte[]> getBytes(String path, String... headers) {
		try {
			return this.client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP request failed: GET " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		return send(request(path, headers).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public HttpResponse<String> delete(String path, String... headers) {
		return send(request(path, headers).DELETE().build());
	}

	public HttpResponse<String> put(String path, String contentType, String body, String... headers) {
		return send(request(path, headers).header("Content-Type", contentType)
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return post(path, "application/x-www-form-urlencoded", body);
	}

	/** A multipart/form-data upload of one file plus text fields. */
	public HttpResponse<String> postMultipart(String path, String fileName, byte[] content, Map<String, String> fields,
			String... headers) {
		String boundary = "----greenledger-test-" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.util.function.Consumer<String> text = part -> body.writeBytes(part.getBytes(StandardCharsets.UTF_8));
		fields.forEach((name, value) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		text.accept("\r\n--" + boundary + "--\r\n");
		return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** Signs in through the login form and returns the form POST's response. */
	public HttpResponse<String> signIn(String username, String password) {
		String token = csrfToken("/login");
		return postForm("/login", Map.of("username", username, "password", password, "_csrf", token));
	}

	public String csrfToken(String page) {
		Matcher matcher = CSRF.matcher(get(page).body());
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token on " + page);
		}
		return matcher.group(1);
	}

	public static String[] basic(String username, String password) {
		String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new String[] { "Authorization", "Basic " + token };
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return builder;
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP request failed: " + request, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A cookie store that counts http://127.0.0.1 and http://localhost as secure. */
	private static final class LoopbackCookies extends CookieHandler {

		private final CookieManager cookies = new CookieManager();

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
			boolean loopback = "http".equals(uri.getScheme())
					&& ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
			return this.cookies.get(loopback ? URI.create("https" + uri.toString().substring(4)) : uri, requestHeaders);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
			this.cookies.put(uri, responseHeaders);
		}

	}

}
