package dev.sensevoice.cache;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file server on 127.0.0.1 (port chosen by the system) that honours {@code Range: bytes=N-}
 * and can misbehave on purpose: break a body off after some bytes, or stall. Handlers never wait
 * longer than {@link #MAX_STALL_S} and are released by {@link #close()}.
 */
public final class TestServer implements AutoCloseable {
    static final int MAX_STALL_S = 20;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** What the next requests get. */
    enum Behaviour { NORMAL, BREAK_OFF_ONCE, BREAK_OFF_ALWAYS, STALL_BODY, STALL_HEADERS }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    /** The Range header of every request for a file, "" when there was none. */
    public final List<String> ranges = new CopyOnWriteArrayList<>();
    volatile Behaviour behaviour = Behaviour.NORMAL;
    volatile int breakAfter;

    public TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI put(String path, byte[] content) {
        files.put(path, content);
        return url(path);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            ranges.add(range == null ? "" : range);
            if (behaviour == Behaviour.STALL_HEADERS) {
                stall();
                return;
            }
            long from = start(range);
            if (from >= body.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            if (from > 0) {
                exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            }
            exchange.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
            send(exchange.getResponseBody(), body, (int) from);
        }
    }

    private void send(OutputStream out, byte[] body, int from) throws IOException {
        Behaviour b = behaviour;
        if (b == Behaviour.BREAK_OFF_ONCE || b == Behaviour.BREAK_OFF_ALWAYS) {
            out.write(body, from, Math.min(breakAfter, body.length - from));
            out.flush();
            if (b == Behaviour.BREAK_OFF_ONCE) {
                behaviour = Behaviour.NORMAL;
            }
            return; // closing the exchange short of Content-Length drops the connection
        }
        if (b == Behaviour.STALL_BODY) {
            out.write(body, from, Math.min(1000, body.length - from));
            out.flush();
            stall();
            return;
        }
        out.write(body, from, body.length - from);
    }

    private static long start(String range) {
        Matcher m = range == null ? null : RANGE.matcher(range);
        return m != null && m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    private void stall() {
        try {
            released.await(MAX_STALL_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
