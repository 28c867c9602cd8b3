package io.gil4j.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * An answer of the {@link HttpEndpoint}: status, headers besides the framing ones, body.
 *
 * @param status the HTTP status code
 * @param headers headers other than {@code Content-Length} and {@code Connection}, which framing adds
 * @param body the body's bytes
 */
@SuppressWarnings("ArrayRecordComponent") // an answer written once, never compared
record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    /** A JSON error answer: {@code {"error": message}}. */
    static HttpResponse error(int status, String message) {
        return new HttpResponse(
                status,
                Map.of("Content-Type", "application/json; charset=utf-8"),
                Json.write(Map.of("error", message)).getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes of this answer, framed for a connection that closes after it; no body for a HEAD request. */
    byte[] frame(boolean head) {
        StringBuilder text = new StringBuilder("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n");
        headers.forEach(
                (name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        text.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        byte[] headBytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (head) {
            return headBytes;
        }
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 202:
                return "Accepted";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 408:
                return "Request Timeout";
            case 409:
                return "Conflict";
            case 413:
                return "Content Too Large";
            case 431:
                return "Request Header Fields Too Large";
            case 503:
                return "Service Unavailable";
            default:
                return "Status";
        }
    }
}
