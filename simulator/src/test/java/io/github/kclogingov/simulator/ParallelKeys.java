package io.github.kclogingov.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Generates several keys at once. A class of its own: lambdas written inside a class's static
 * initializer would wait for that very initializer to finish, and deadlock.
 */
final class ParallelKeys {

    private ParallelKeys() {}

    static List<SelfSignedKey> generate(String... distinguishedNames) {
        List<CompletableFuture<SelfSignedKey>> futures = Arrays.stream(distinguishedNames)
                .map(name -> CompletableFuture.supplyAsync(() -> SelfSignedKey.generate(name)))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
