package io.gil4j.control;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 request as its bytes arrive, without ever waiting for them: {@link #parse} is given the
 * bytes received so far (each call a longer prefix of the same stream) and says whether the request is
 * complete, needs more, or must be refused. The verdict on a body's size comes from the head alone
 * ({@code Content-Length}) or as soon as a chunked body passes the limit: a too large body is refused
 * before it is read. Not thread-safe: one parser per connection, on the thread that reads it.
 */
final class RequestParser {

    /** The largest request head (request line and headers) read. */
    static final int MAX_HEAD = 8 * 1024;
    /** The longest chunk-size line of a chunked body. */
    private static final int MAX_CHUNK_LINE = 256;

    /** How far a request has come. */
    enum Progress {
        /** More bytes are needed. */
        MORE,
        /** The whole request is in: {@link #request()}. */
        COMPLETE,
        /** The head is complete and promises a body within the limit: the client may wait for 100 Continue. */
        HEAD_COMPLETE,
        /** Refused: {@link #refusal()} says with which status and why. */
        REFUSED
    }

    /** A request as the endpoint's routes see it; header names in lower case, the first of each kept. */
    @SuppressWarnings("ArrayRecordComponent") // a request passed on once, never compared
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Why a request is refused. */
    record Refusal(int status, String message) {}

    private final int maxBody;
    private int headEnd = -1; // index after the blank line ending the head
    private int scanned;
    private String method;
    private String path;
    private Map<String, String> headers;
    private long contentLength = -1;
    private boolean chunked;
    private int chunkPos; // where the next chunk-size line starts
    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private Request request;
    private Refusal refusal;

    /** A parser for a request whose body may have at most {@code maxBody} bytes. */
    RequestParser(int maxBody) {
        this.maxBody = maxBody;
    }

    /** The most bytes of one request, encoding overhead included, a connection needs to buffer. */
    int maxRequestBytes() {
        return MAX_HEAD + 2 * maxBody + MAX_CHUNK_LINE;
    }

    /**
     * Advances over {@code bytes[0, length)}, the bytes received so far. {@link Progress#HEAD_COMPLETE} is
     * answered once, when the head is in and a body is still to come; then {@code MORE} until the body is.
     */
    Progress parse(byte[] bytes, int length) {
        if (request != null) {
            return Progress.COMPLETE;
        }
        if (refusal != null) {
            return Progress.REFUSED;
        }
        if (length > maxRequestBytes()) {
            return refuse(413, "the body is over " + maxBody + " bytes");
        }
        if (headEnd < 0) {
            int end = indexOfBlankLine(bytes, Math.max(0, scanned - 3), length);
            scanned = length;
            if (end < 0) {
                return length > MAX_HEAD
                        ? refuse(431, "the request head is over " + MAX_HEAD + " bytes")
                        : Progress.MORE;
            }
            if (end > MAX_HEAD) {
                return refuse(431, "the request head is over " + MAX_HEAD + " bytes");
            }
            headEnd = end;
            refusal = readHead(new String(bytes, 0, end, StandardCharsets.ISO_8859_1));
            if (refusal != null) {
                return Progress.REFUSED;
            }
            chunkPos = headEnd;
            if (chunked || contentLength > 0) {
                Progress body = body(bytes, length);
                return body == Progress.MORE ? Progress.HEAD_COMPLETE : body;
            }
        }
        return body(bytes, length);
    }

    /** The complete request, once {@link #parse} answered {@link Progress#COMPLETE}. */
    Request request() {
        return request;
    }

    /** Why the request is refused, once {@link #parse} answered {@link Progress#REFUSED}. */
    Refusal refusal() {
        return refusal;
    }

    /** The request's method once its head was read, else null. */
    String method() {
        return method;
    }

    /** True if the request names {@code Expect: 100-continue}. */
    boolean expectsContinue() {
        return headers != null && "100-continue".equalsIgnoreCase(headers.get("expect"));
    }

    /** Reads the head; null if it is well formed and its body within the limit, else why it is refused. */
    private Refusal readHead(String head) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !isToken(requestLine[0]) || !requestLine[2].matches("HTTP/1\\.[01]")) {
            return bad("not an HTTP/1.1 request line: send METHOD /path HTTP/1.1");
        }
        method = requestLine[0];
        try {
            path = URI.create(requestLine[1]).getPath();
        } catch (IllegalArgumentException e) {
            return bad("not a request target: " + e.getMessage());
        }
        if (path == null || path.isEmpty()) {
            return bad("the request target has no path");
        }
        headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || !isToken(lines[i].substring(0, colon))) {
                return bad("a header line that is not Name: value");
            }
            headers.putIfAbsent(
                    lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String encoding = headers.get("transfer-encoding");
        String length = headers.get("content-length");
        if (encoding != null) {
            if (length != null || !encoding.equalsIgnoreCase("chunked")) {
                return bad("Transfer-Encoding other than chunked, or with Content-Length");
            }
            chunked = true;
        } else if (length != null) {
            if (!length.matches("\\d{1,18}")) {
                return bad("Content-Length is not a number");
            }
            contentLength = Long.parseLong(length);
            if (contentLength > maxBody) {
                return new Refusal(413, "the body is over " + maxBody + " bytes");
            }
        }
        return null;
    }

    private Progress body(byte[] bytes, int length) {
        if (!chunked) {
            long size = Math.max(0, contentLength);
            if (length - headEnd < size) {
                return Progress.MORE;
            }
            byte[] body = new byte[(int) size];
            System.arraycopy(bytes, headEnd, body, 0, body.length);
            return complete(body);
        }
        while (true) {
            int lineEnd = indexOfLineEnd(bytes, chunkPos, length);
            if (lineEnd < 0) {
                return length - chunkPos > MAX_CHUNK_LINE
                        ? refuse(400, "a chunk-size line over " + MAX_CHUNK_LINE + " bytes")
                        : Progress.MORE;
            }
            String line = new String(bytes, chunkPos, lineEnd - chunkPos, StandardCharsets.ISO_8859_1);
            int semicolon = line.indexOf(';'); // chunk extensions are ignored
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
            if (!hex.matches("[0-9a-fA-F]{1,8}")) {
                return refuse(400, "a chunk size that is not a hexadecimal number");
            }
            long size = Long.parseLong(hex, 16);
            int dataStart = lineEnd + 2;
            if (size == 0) {
                return trailersEnd(bytes, dataStart, length) ? complete(chunks.toByteArray()) : Progress.MORE;
            }
            if (chunks.size() + size > maxBody) {
                return refuse(413, "the body is over " + maxBody + " bytes");
            }
            if (length < dataStart + size + 2) {
                return Progress.MORE;
            }
            int dataEnd = dataStart + (int) size;
            if (bytes[dataEnd] != '\r' || bytes[dataEnd + 1] != '\n') {
                return refuse(400, "a chunk not followed by CRLF");
            }
            chunks.write(bytes, dataStart, (int) size);
            chunkPos = dataEnd + 2;
        }
    }

    /** True if the trailer section starting at {@code from} (after the last chunk) is complete. */
    private static boolean trailersEnd(byte[] bytes, int from, int length) {
        if (length - from >= 2 && bytes[from] == '\r' && bytes[from + 1] == '\n') {
            return true;
        }
        return indexOfBlankLine(bytes, from, length) >= 0;
    }

    private static Refusal bad(String message) {
        return new Refusal(400, message);
    }

    private Progress complete(byte[] body) {
        request = new Request(method, path, Map.copyOf(headers), body);
        return Progress.COMPLETE;
    }

    private Progress refuse(int status, String message) {
        refusal = new Refusal(status, message);
        return Progress.REFUSED;
    }

    /** The index after the first CRLF CRLF at or after {@code from}, or -1. */
    private static int indexOfBlankLine(byte[] bytes, int from, int length) {
        for (int i = from; i + 3 < length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** The index of the first CRLF at or after {@code from}, or -1. */
    private static int indexOfLineEnd(byte[] bytes, int from, int length) {
        for (int i = from; i + 1 < length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** An RFC 9110 token: a method or a header name. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
