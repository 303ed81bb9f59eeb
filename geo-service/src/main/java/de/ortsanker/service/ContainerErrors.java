package de.ortsanker.service;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The errors Tomcat answers itself, before any servlet runs — a request line or headers over 8 KB, bad
 * %-encoding or {@code %2F} in a path, {@code ..} above the root — as problem documents instead of Tomcat's
 * HTML page. Tomcat writes them with its host's error report valve; this sets ours in its place.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report as a problem document: the status and its reason, never an exception's text. */
    public static final class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status == 400
                    ? "the request could not be understood: its address (encoding, %2F or .. in the path), its"
                            + " parameters or its headers (at most 8 KB together)"
                    : status >= 500 ? "the request could not be answered; try again later" : title;
            String uri = request.getDecodedRequestURI() == null ? null : request.getRequestURI();
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(new String(ProblemJson.of(status, title, detail, uri, null, null),
                            java.nio.charset.StandardCharsets.US_ASCII));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response committed: nothing more to say
            }
        }
    }
}
