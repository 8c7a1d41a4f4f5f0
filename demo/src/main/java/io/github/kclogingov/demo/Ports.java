package io.github.kclogingov.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Checks, before anything starts, that the demo's fixed ports are free. */
final class Ports {
    private static final int CONNECT_TIMEOUT_MILLIS = 300;

    private Ports() {}

    static void requireFree(int port, String purpose) throws DemoException {
        if (!canBind(port) || somethingAnswers(port)) {
            throw new DemoException("Port " + port + " is already in use; the demo needs it for " + purpose
                    + ". Stop whatever listens there (an earlier demo? see: ss -ltnp 'sport = :" + port
                    + "') and run the demo again.");
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Catches a listener on another address family than the wildcard bind above tested. */
    private static boolean somethingAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
