package de.ortsanker.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client a request comes from, as throttling counts it. The address is the container's: behind the
 * county's reverse proxy Tomcat's RemoteIpValve has already put the X-Forwarded-For client in its place,
 * believing the header only from the proxies in {@code ORTSANKER_TRUSTED_PROXIES} (application.yml
 * {@code server.tomcat.remoteip.internal-proxies}); from anyone else it is ignored, so a client cannot pick
 * its own address. An IPv6 client counts as its /64 network: one connection gets a whole /64, and counting
 * single addresses would give an attacker 2^64 fresh ones.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return normalise(request.getRemoteAddr());
    }

    /** The current request's client, or {@code ""} outside a request (a command, a test calling a bean). */
    static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return "";
    }

    static String normalise(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|\\]$|%.*$", "")).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            var sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                sb.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return sb.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
