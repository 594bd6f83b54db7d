package dev.sensevoice.cache;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches one URL into a {@code .part} file with the JDK's HTTP client. What the file already
 * holds is kept and the rest is asked for with {@code Range: bytes=N-} (a server that ignores it
 * sends everything again, and the file starts over). A transfer that breaks off is resumed up to
 * {@link DownloadSettings#attempts()} times; a server that sends nothing for
 * {@link DownloadSettings#stallTimeout()} fails at once, keeping the bytes for the next run.
 */
public final class DownloadClient {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");
    private final HttpClient http;
    private final DownloadSettings settings;

    public DownloadClient(DownloadSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Completes {@code part} from {@code url} and returns its size. {@code size}, when known, lets
     * an already complete file be recognised. Failures are one line naming the URL (exit 3).
     */
    public long fetch(URI url, Path part, OptionalLong size, DownloadListener listener) {
        String name = fileName(url);
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(url, part, size, name, listener);
            } catch (BrokeOff e) {
                if (attempt >= settings.attempts()) {
                    throw fail(url, "the transfer broke off at " + bytes(part) + " bytes (" + e.getMessage()
                            + ") after " + attempt + " attempts; run the command again to resume");
                }
                listener.notice(name + ": the transfer broke off at " + bytes(part) + " bytes; resuming (attempt "
                        + (attempt + 1) + " of " + settings.attempts() + ")");
            }
        }
    }

    private long attempt(URI url, Path part, OptionalLong size, String name, DownloadListener listener)
            throws BrokeOff {
        long offset = bytes(part);
        if (size.isPresent() && offset == size.getAsLong()) {
            return offset;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.stallTimeout())
                .header("User-Agent", "sensevoice");
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        AtomicReference<DownloadBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<Long>> response = http.sendAsync(request.build(), info -> {
            OptionalLong total = total(info);
            boolean resumed = info.statusCode() == 206 && rangeStart(info) == offset;
            if (info.statusCode() != 200 && !resumed) {
                return HttpResponse.BodySubscribers.replacing(-1L);
            }
            long from = info.statusCode() == 206 ? offset : 0;
            listener.started(name, from, total);
            body.set(new DownloadBody(part, from, name, listener, lastProgress));
            return body.get();
        });
        HttpResponse<Long> done = await(url, response, body, lastProgress);
        return finish(url, part, done, name, listener);
    }

    private long finish(URI url, Path part, HttpResponse<Long> response, String name, DownloadListener listener) {
        int status = response.statusCode();
        if (status == 206 && response.body() < 0) {
            deleteQuietly(part);
            throw fail(url, "the server resumed at another offset than asked; the partial file was removed: "
                    + "run the command again to start over");
        }
        if (status == 200 || status == 206) {
            listener.finished(name, response.body());
            return response.body();
        }
        if (status == 416 && completeTotal(response.headers()) == bytes(part)) {
            listener.finished(name, bytes(part));
            return bytes(part); // the .part was already whole: a run killed after the last byte
        }
        if (status == 416) {
            deleteQuietly(part);
            throw fail(url, "the server refused to resume the partial file (HTTP 416); it was removed: "
                    + "run the command again to start over");
        }
        throw fail(url, "HTTP " + status + (status == 404 ? " (not found)" : "")
                + "; check the address in the model's manifest (models/*.json) or try again later");
    }

    private HttpResponse<Long> await(URI url, CompletableFuture<HttpResponse<Long>> response,
                                     AtomicReference<DownloadBody> body, AtomicLong lastProgress) throws BrokeOff {
        long stallNanos = settings.stallTimeout().toNanos();
        long pollMillis = Math.max(10, Math.min(1000, settings.stallTimeout().toMillis() / 5));
        while (true) {
            try {
                return response.get(pollMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - lastProgress.get() > stallNanos) {
                    abandon(response, body);
                    throw stalled(url);
                }
            } catch (InterruptedException e) {
                abandon(response, body);
                Thread.currentThread().interrupt();
                throw fail(url, "interrupted; run the command again to resume");
            } catch (ExecutionException e) {
                throw failure(url, e.getCause(), body.get() != null);
            }
        }
    }

    private RuntimeException failure(URI url, Throwable cause, boolean bodyStarted) throws BrokeOff {
        if (cause instanceof UncheckedIOException write) {
            return new SenseVoiceException(ExitCode.MODEL_START, write.getMessage(), write);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return fail(url, "no connection within " + seconds() + " s; check the network (timeout: "
                    + DownloadSettings.TIMEOUT_VARIABLE + ")");
        }
        if (cause instanceof HttpTimeoutException) {
            return stalled(url);
        }
        if (cause instanceof ConnectException) {
            return fail(url, "cannot connect (" + reason(cause) + "); check the network");
        }
        if (cause instanceof IOException && bodyStarted) {
            throw new BrokeOff(reason(cause));
        }
        return fail(url, reason(cause) + "; check the network");
    }

    /** The first message down the cause chain, else the innermost exception's kind (a DNS failure has none). */
    static String reason(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
            innermost = t;
        }
        return innermost.getClass().getSimpleName();
    }

    private SenseVoiceException stalled(URI url) {
        return fail(url, "no data for " + seconds() + " s, the server stalled; run the command again to resume "
                + "(timeout: " + DownloadSettings.TIMEOUT_VARIABLE + ")");
    }

    private static void abandon(CompletableFuture<?> response, AtomicReference<DownloadBody> body) {
        DownloadBody b = body.get();
        if (b != null) {
            b.cancel();
        }
        response.cancel(true);
    }

    /** The file's full size, from Content-Range (206) or Content-Length (200), when given. */
    private static OptionalLong total(HttpResponse.ResponseInfo info) {
        if (info.statusCode() == 206) {
            Matcher m = CONTENT_RANGE.matcher(info.headers().firstValue("Content-Range").orElse(""));
            return !m.matches() || m.group(2).equals("*") ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(m.group(2)));
        }
        return info.headers().firstValueAsLong("Content-Length");
    }

    /** The size a 416 answer gives ({@code Content-Range: bytes *}{@code /N}); -1 when none. */
    private static long completeTotal(java.net.http.HttpHeaders headers) {
        String range = headers.firstValue("Content-Range").orElse("");
        return range.matches("bytes \\*/\\d+") ? Long.parseLong(range.substring(range.indexOf('/') + 1)) : -1;
    }

    /** Where a 206 answer starts, from its Content-Range; -1 when it does not say. */
    private static long rangeStart(HttpResponse.ResponseInfo info) {
        Matcher m = CONTENT_RANGE.matcher(info.headers().firstValue("Content-Range").orElse(""));
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private String seconds() {
        double s = settings.stallTimeout().toMillis() / 1000.0;
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    static String fileName(URI url) {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static long bytes(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next attempt truncates it anyway
        }
    }

    private static SenseVoiceException fail(URI url, String why) {
        return new SenseVoiceException(ExitCode.MODEL_START, "download " + url + ": " + why);
    }

    /** The body ended before its end; the bytes received are kept for a resume. */
    private static final class BrokeOff extends Exception {
        private static final long serialVersionUID = 1L;

        BrokeOff(String message) {
            super(message);
        }
    }
}
