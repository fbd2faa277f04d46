package dev.footnote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay between the application and the test database that a test can stall: while stalled, it
 * accepts connections and bytes but passes nothing on, as a database does when its host hangs. The tests'
 * datasource goes through it, so a test can see what requests and readiness do while the database is hung.
 */
public final class DatabaseProxy {

    private static volatile DatabaseProxy running;

    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Object gate = new Object();
    private boolean stalled;

    private DatabaseProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        daemon("database proxy", this::acceptConnections).start();
    }

    /** Starts the relay to {@code host:port} once per test run; returns the local port to connect to. */
    static synchronized int start(String host, int port) {
        if (running == null) {
            try {
                running = new DatabaseProxy(host, port);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the database proxy", e);
            }
        }
        return running.listener.getLocalPort();
    }

    /** The relay of this test run. */
    public static DatabaseProxy running() {
        if (running == null) {
            throw new IllegalStateException("the database proxy was not started");
        }
        return running;
    }

    /** From now on, nothing passes in either direction until {@link #resume()}. */
    public void stall() {
        synchronized (gate) {
            stalled = true;
        }
    }

    public void resume() {
        synchronized (gate) {
            stalled = false;
            gate.notifyAll();
        }
    }

    private void acceptConnections() {
        while (true) {
            try {
                Socket client = listener.accept();
                try {
                    Socket server = new Socket(upstreamHost, upstreamPort);
                    daemon("database proxy in", () -> relay(client, server)).start();
                    daemon("database proxy out", () -> relay(server, client)).start();
                } catch (IOException e) {
                    closeQuietly(client); // the database is unreachable: the client sees its connection closed
                }
            } catch (IOException e) {
                // a failed accept: wait for the next connection
            }
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitNotStalled();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed: close both below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitNotStalled() throws InterruptedException {
        synchronized (gate) {
            while (stalled) {
                gate.wait();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
