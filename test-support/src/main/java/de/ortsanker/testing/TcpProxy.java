package de.ortsanker.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between a client under test and a real server that a test can cut and restore, to show
 * how the client behaves when the server goes away and comes back (as when PostgreSQL is stopped).
 * While cut, new connections are refused and open ones are closed. While black-holed, nothing is refused
 * or closed but nothing arrives either (a firewall dropping packets, a NAT entry timed out, a host gone):
 * connections are accepted and bytes swallowed in both directions. {@link #resume()} ends that like such a
 * network does: the connections of before are reset, new ones go through.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean silent;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (var probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        restore();
    }

    /** A proxy in front of the host and port of a jdbc:postgresql:// URL. */
    public static TcpProxy forJdbcUrl(String jdbcUrl) throws IOException {
        var hostPort = jdbcUrl.replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.lastIndexOf(':')) : hostPort;
        int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1)) : 5432;
        return new TcpProxy(host, port);
    }

    /** The given JDBC URL with host and port replaced by this proxy's. */
    public String jdbcUrlVia(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://[^/]+/", "jdbc:postgresql://127.0.0.1:" + port + "/");
    }

    public int port() {
        return port;
    }

    /** Refuse new connections and drop the open ones. */
    public synchronized void cut() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    /** Swallow every byte from now on, in both directions, without closing or refusing anything. */
    public synchronized void blackHole() {
        silent = true;
    }

    /** After {@link #blackHole()}: reset the connections that lost bytes; new connections go through again. */
    public synchronized void resume() {
        silent = false;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** Accept connections again on the same port. */
    public synchronized void restore() throws IOException {
        if (listener != null) {
            return;
        }
        var server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = server;
        Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (silent) {
                    open.add(client);  // held: accepted, never answered
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed by cut(), or the upstream refused: the client sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16384];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (!silent) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
