package dev.sensevoice.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a response body to the {@code .part} file as it arrives, appending after {@code offset}
 * bytes (a resumed download) or from the start. Every write stamps {@code lastProgress}, which the
 * caller watches to fail a stalled server. The body's value is the file's size at the end.
 */
final class DownloadBody implements HttpResponse.BodySubscriber<Long> {
    private final FileChannel channel;
    private final String file;
    private final DownloadListener listener;
    private final AtomicLong lastProgress;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private long size;

    DownloadBody(Path part, long offset, String file, DownloadListener listener, AtomicLong lastProgress) {
        this.file = file;
        this.listener = listener;
        this.lastProgress = lastProgress;
        this.size = offset;
        try {
            channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(offset);
            channel.position(offset);
        } catch (IOException e) {
            throw new UncheckedIOException(part + ": cannot write: " + e.getMessage(), e);
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        try {
            for (ByteBuffer b : buffers) {
                while (b.hasRemaining()) {
                    size += channel.write(b);
                }
            }
            lastProgress.set(System.nanoTime());
            listener.progressed(file, size);
            subscription.request(1);
        } catch (IOException e) {
            subscription.cancel();
            end(e);
        }
    }

    @Override
    public void onError(Throwable t) {
        end(t);
    }

    @Override
    public void onComplete() {
        end(null);
    }

    /** Stops taking data (a stalled or abandoned download). */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        end(new IOException("cancelled"));
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    private synchronized void end(Throwable failure) {
        if (result.isDone()) {
            return;
        }
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure == null) {
            result.complete(size);
        } else {
            result.completeExceptionally(failure);
        }
    }
}
