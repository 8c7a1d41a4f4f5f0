package io.github.kclogingov.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports on 127.0.0.1 that nothing listens on now, for the servers a test starts beside the shared
 * Keycloak (8080, 9000) and the other tests' fixed ports (8082, 8500): the operating system picks
 * them, so two runs never fight over one.
 */
public final class FreePorts {

    private FreePorts() {}

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
