package de.ortsanker.service;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's write buffer per connection ({@code socket.appWriteBufSize}), from ORTSANKER_HTTP_WRITE_BUFFER_KB
 * (64). Tomcat sends a response larger than the buffer in buffer-sized writes, each its own system call
 * and copy; with its default of 8 KB a vector tile (24 KB on average, up to 256 KB) took several. 64 KB sends
 * most tiles in one: a cached tile cost about a fifth less CPU (docs/benchmarks.md, "Tiles"). The price is
 * memory per open connection: 64 KB each, 64 MB for 1,000 connections.
 */
@Configuration
public class HttpWriteBuffer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final int kilobytes;

    public HttpWriteBuffer(@Value("${ortsanker.http.write-buffer-kb:64}") int kilobytes) {
        if (kilobytes < 1) {
            throw new IllegalArgumentException("ortsanker.http.write-buffer-kb must be at least 1, got " + kilobytes);
        }
        this.kilobytes = kilobytes;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector ->
                connector.setProperty("socket.appWriteBufSize", String.valueOf(kilobytes * 1024)));
    }
}
