package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.SecurityEventTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends one token to a push URL the way Login.gov does: {@code POST} with {@code Content-Type:
 * application/secevent+jwt}, 3 seconds to answer, and on a network failure (timeout, refused) at
 * most two retries with the same token. Any answer, even an error status, ends the delivery.
 */
final class SecurityEventPusher {

    /** What one delivery came to. */
    record Answer(int attempts, int status, String body) {}

    private static final int MAX_BODY_SHOWN = 1000;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(SecurityEventTokens.DELIVERY_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Answer push(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(SecurityEventTokens.DELIVERY_TIMEOUT)
                .header("Content-Type", SecurityEventTokens.MEDIA_TYPE)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(token))
                .build();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                String body = response.body() == null ? "" : response.body();
                return new Answer(
                        attempts,
                        response.statusCode(),
                        body.length() > MAX_BODY_SHOWN ? body.substring(0, MAX_BODY_SHOWN) : body);
            } catch (IOException e) {
                if (attempts > SecurityEventTokens.MAX_RETRIES) {
                    return new Answer(attempts, -1, e.getClass().getSimpleName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(attempts, -1, "interrupted");
            }
        }
    }
}
