package dev.tollgate.localstack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebHostTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private Path site;
    private WebHost host;

    @BeforeEach
    void start() throws Exception {
        site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>home</h1>");
        Files.createDirectories(site.resolve("auth/verify-email"));
        Files.writeString(site.resolve("auth/verify-email/index.html"), "<h1>verify</h1>");
        Files.createDirectories(site.resolve("js"));
        Files.writeString(site.resolve("js/app.js"), "console.log('hi')");
        Files.writeString(site.resolve("style.css"), "body{}");
        Files.writeString(site.resolve("logo.svg"), "<svg/>");
        Files.write(site.resolve("blob.bin"), new byte[] {1, 2, 3});
        Files.writeString(site.resolve(".env"), "SECRET=1");
        Files.writeString(site.resolve("space name.txt"), "spaced");
        Files.writeString(temp.resolve("outside.txt"), "secret outside the site");
        Files.createSymbolicLink(site.resolve("escape.txt"), temp.resolve("outside.txt"));
        host = WebHost.start(0, site);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/index.html         | text/html; charset=utf-8       | <h1>home</h1>",
                "/js/app.js          | text/javascript; charset=utf-8 | console.log('hi')",
                "/style.css          | text/css; charset=utf-8        | body{}",
                "/logo.svg           | image/svg+xml                  | <svg/>",
                "/blob.bin           | application/octet-stream       | '\u0001\u0002\u0003'",
                "/space%20name.txt   | text/plain; charset=utf-8      | spaced",
                // a directory serves its index.html, with or without the trailing slash, whatever the query
                "/                   | text/html; charset=utf-8       | <h1>home</h1>",
                "/auth/verify-email  | text/html; charset=utf-8       | <h1>verify</h1>",
                "/auth/verify-email/ | text/html; charset=utf-8       | <h1>verify</h1>",
                "/auth/verify-email?token=abc&tenantId=public | text/html; charset=utf-8 | <h1>verify</h1>"
            })
    void servesEachFileWithItsContentType(String path, String contentType, String body) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(contentType);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void missingFilesAreNotFound() throws Exception {
        assertThat(get("/nope.html").statusCode()).isEqualTo(404);
        assertThat(get("/auth").statusCode()).as("directory without index.html").isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/../outside.txt",
                "/%2e%2e/outside.txt",
                "/js/%2E%2E/%2e%2e/outside.txt",
                "/..%2foutside.txt",
                "/..%5coutside.txt",
                "/%2e%2e%5coutside.txt",
                "/.env",
                "/%2eenv",
                "/index.html%00.js",
                "/%zz",
                "/%c0%ae%c0%ae/outside.txt",
                "/C:%5cwindows"
            })
    void traversalAndHiddenFilesNeverLeaveTheSite(String path) throws Exception {
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 4");
        assertThat(response).doesNotContain("secret").doesNotContain("SECRET");
    }

    @Test
    void aSymlinkPointingOutsideTheSiteIsNotServed() throws Exception {
        HttpResponse<String> response = get("/escape.txt");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("secret");
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(host.origin().resolve("/index.html"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");

        HttpResponse<String> head = http.send(
                HttpRequest.newBuilder(host.origin().resolve("/index.html"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void configJsonIsGeneratedOnceTheCloudPublishesIt() throws Exception {
        assertThat(get("/config.json").statusCode()).isEqualTo(503);

        host.publishConfig(new WebConfig(
                "http://localhost:4000",
                "/dev",
                "/auth",
                "http://localhost:3000",
                "http://localhost:4002",
                "http://localhost:4003"));

        HttpResponse<String> response = get("/config.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode config = new ObjectMapper().readTree(response.body());
        assertThat(config)
                .isEqualTo(
                        new ObjectMapper()
                                .readTree(
                                        "{\"apiDomain\":\"http://localhost:4000\","
                                                + "\"apiGatewayPath\":\"/dev\",\"apiBasePath\":\"/auth\",\"websiteDomain\":\"http://localhost:3000\","
                                                + "\"mailboxUrl\":\"http://localhost:4002\",\"devConsoleUrl\":\"http://localhost:4003\"}"));
    }

    @Test
    void refusesAMissingSiteFolder() {
        assertThatThrownBy(() -> WebHost.start(0, temp.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("web site folder not found");
    }

    @Test
    void refusesAPortInUse() {
        assertThatThrownBy(() -> WebHost.start(host.port(), site))
                .hasMessage("web-host: port " + host.port() + " on 127.0.0.1 is in use");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(host.origin() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", host.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
