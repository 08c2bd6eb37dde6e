package dev.blogsearch.api;

import dev.blogsearch.api.config.InvalidSettingException;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.net.BindException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the service. A start that fails for a reason the owner fixes by changing a setting (a port in use, no
 * content and no index, an index it cannot read, a weak admin token) ends with one line naming the setting and exit
 * code {@link #SETTING_EXIT_CODE}, not a stack trace; anything else is a bug and keeps Micronaut's full report.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Blog search API",
                        version = "1",
                        description = "Full-text search over a Hugo blog written in Chinese and English: ranked, "
                                + "highlighted results, completions, related posts, and the owner's reindex and "
                                + "analytics endpoints. Every error answer is JSON: {status, error, message}.",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
@SecurityScheme(
        name = Application.ADMIN_TOKEN_SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The admin endpoints' token, BLOGSEARCH_ADMIN_TOKEN, sent as Authorization: Bearer <token>")
public class Application {

    /** The name the OpenAPI document gives the admin token's scheme, which the admin controllers require. */
    public static final String ADMIN_TOKEN_SCHEME = "adminToken";

    /** {@code EX_CONFIG} of sysexits.h: the systemd unit does not restart the service in a loop on it. */
    public static final int SETTING_EXIT_CODE = 78;

    public static void main(String[] args) {
        new Startup().args(args).mainClass(Application.class).banner(false).start();
    }

    /**
     * Micronaut's start, except that a setting the operator must change ({@link InvalidSettingException}, a port
     * the server cannot listen on) is one line that names it, not a page of stack trace around it. Anything else is
     * reported as Micronaut does.
     */
    static final class Startup extends Micronaut {
        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            String line = settingToChange(exception);
            if (line == null) {
                super.handleStartupException(environment, exception);
                return;
            }
            System.err.println("The search service did not start: " + line);
            System.exit(SETTING_EXIT_CODE);
        }
    }

    /** The one line for a start-up failure the owner fixes by changing a setting, or {@code null} for any other. */
    static String settingToChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidSettingException) {
                return cause.getMessage();
            }
            if (cause instanceof BindException bind) {
                // Taken between PortCheck and the server's bind. The environment is closed by now: the port is in
                // the server's message ("Unable to start Micronaut server on *:8080").
                Matcher port = PORT.matcher(String.valueOf(failure.getMessage()));
                return portProblem(port.find() ? Integer.parseInt(port.group(1)) : 8080, bind);
            }
        }
        return null;
    }

    private static final Pattern PORT = Pattern.compile(":(\\d+)\\s*$");

    /** The one line for a port the service cannot listen on. */
    static String portProblem(int port, BindException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage();
        if (reason.contains("in use")) {
            return "Port " + port + " is already in use by another program: stop it, or set MICRONAUT_SERVER_PORT "
                    + "to a free port.";
        }
        return "Cannot listen on port " + port + " (" + reason + "): set MICRONAUT_SERVER_PORT to a free port "
                + "above 1023, or MICRONAUT_SERVER_HOST to an address of this machine.";
    }
}
