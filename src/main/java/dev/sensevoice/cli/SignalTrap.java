package dev.sensevoice.cli;

import dev.sensevoice.transcribe.Cancellation;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a run. The first signal stops the intake: no new inputs start, those in
 * flight finish and are written. A second signal abandons those in flight (nothing half-written:
 * an output being written completes). The exit code then tells which signal came first (130/143).
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported), the only JDK way to tell INT from TERM;
 * a shutdown hook cannot. Where it is unavailable, the JVM's default handling stays.
 */
final class SignalTrap implements AutoCloseable {
    private final List<Restore> previous = new ArrayList<>();

    private record Restore(Signal signal, SignalHandler handler) {
    }

    static SignalTrap install(Cancellation cancellation, Runnable onFirstSignal) {
        SignalTrap trap = new SignalTrap();
        trap.handle("INT", Cancellation.Reason.INTERRUPT, cancellation, onFirstSignal);
        trap.handle("TERM", Cancellation.Reason.TERMINATE, cancellation, onFirstSignal);
        return trap;
    }

    private void handle(String name, Cancellation.Reason reason, Cancellation cancellation, Runnable onFirst) {
        try {
            Signal signal = new Signal(name);
            SignalHandler old = Signal.handle(signal, s -> {
                if (cancellation.reason().isEmpty()) {
                    cancellation.stopIntake(reason);
                    onFirst.run();
                } else {
                    cancellation.abandon(reason);
                }
            });
            previous.add(new Restore(signal, old));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // this platform does not let us handle it: keep the JVM's default
        }
    }

    /** True when at least one handler was installed. */
    boolean active() {
        return !previous.isEmpty();
    }

    @Override
    public void close() {
        previous.forEach(r -> Signal.handle(r.signal(), r.handler()));
    }
}
