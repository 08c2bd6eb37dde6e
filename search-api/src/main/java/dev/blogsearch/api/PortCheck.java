package dev.blogsearch.api;

import dev.blogsearch.api.config.InvalidSettingException;
import dev.blogsearch.api.config.SettingValues;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.server.HttpServerConfiguration;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Tries the configured port before anything else starts: Netty binds only after every bean is up, so a port in
 * use was reported after the analytics file was opened and the index checked (and, before the index was built in
 * the background, after the whole index was built). The first of the eager beans ({@link Order}).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class PortCheck {

    /** {@code values} first: a port that is not a number is its one line, not the server configuration's failure. */
    PortCheck(SettingValues values, HttpServerConfiguration server, Environment environment) {
        // No port configured: 8080, except under test, where Micronaut picks a random one (another program on
        // 8080 made every test fail here).
        int port = server.getPort().orElse(environment.getActiveNames().contains(Environment.TEST) ? -1 : 8080);
        if (port <= 0) {
            return; // a random port (tests): always free
        }
        InetSocketAddress address = server.getHost()
                .map(host -> new InetSocketAddress(host, port))
                .orElseGet(() -> new InetSocketAddress(port));
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (BindException e) {
            throw new InvalidSettingException(Application.portProblem(port, e));
        } catch (IOException e) {
            // Not a verdict on the port: let the server's own bind decide.
        }
    }
}
