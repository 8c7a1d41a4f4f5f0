package io.github.kclogingov.benchmark.signins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One round: {@code count} sign-ins through one provider by {@code concurrency} workers, each
 * starting its next sign-in as soon as its last one ended. Records each sign-in's latency, the
 * round's wall time and the failures (the first few with their reason).
 */
record Round(
        Provider provider,
        int concurrency,
        List<Long> latenciesNanos,
        long wallNanos,
        int failures,
        List<String> failureReasons,
        BackChannelCalls calls) {

    private static final int REASONS_KEPT = 5;

    /** Runs the round; the back-channel calls are filled in by the caller, who asks the simulator. */
    static Round run(SignInClient client, Provider provider, int count, int concurrency) throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
        List<String> reasons = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long begin = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            running.add(workers.submit(() -> {
                while (started.getAndIncrement() < count) {
                    long start = System.nanoTime();
                    try {
                        client.signIn(provider);
                        latencies.add(System.nanoTime() - start);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        if (reasons.size() < REASONS_KEPT) {
                            reasons.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }));
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        long wall = System.nanoTime() - begin;
        workers.shutdown();
        return new Round(
                provider,
                concurrency,
                List.copyOf(latencies),
                wall,
                failures.get(),
                List.copyOf(reasons),
                BackChannelCalls.NONE);
    }

    Round withCalls(BackChannelCalls backChannel) {
        return new Round(provider, concurrency, latenciesNanos, wallNanos, failures, failureReasons, backChannel);
    }

    int succeeded() {
        return latenciesNanos.size();
    }

    double signInsPerSecond() {
        return succeeded() / (wallNanos / 1e9);
    }
}
