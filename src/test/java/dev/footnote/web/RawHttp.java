package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.restassured.path.json.JsonPath;

/**
 * HTTP/1.1 written by hand over a plain socket, for requests an HTTP client library would refuse to send (malformed
 * heads, half-sent requests) and for seeing exactly what the server answers.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code request} as it is and reads until the server closes the connection. */
    static RawResponse send(URI server, String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return RawResponse.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    record RawResponse(int status, String headers, String body) {

        static RawResponse parse(String response) {
            int headersEnd = response.indexOf("\r\n\r\n");
            String head = headersEnd < 0 ? response : response.substring(0, headersEnd);
            assertThat(head).as("a response").startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new RawResponse(status, head, headersEnd < 0 ? "" : response.substring(headersEnd + 4));
        }

        String problemDetail() {
            assertThat(headers.toLowerCase()).contains("content-type: " + Problem.MEDIA_TYPE);
            return JsonPath.from(body).getString("detail");
        }
    }
}
