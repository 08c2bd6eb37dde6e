package dev.blogsearch.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The service's logging, configured in Java rather than by a logback.xml: one line per event on standard output.
 * Reading an XML configuration loaded about 450 more classes (logback's Joran and the JDK's XML parser) on the
 * start's main thread, before the first answer: about a quarter of a second of CPU (docs/BENCHMARKS.md). A
 * configuration file named by {@code -Dlogback.configurationFile} still replaces this one: logback reads it as
 * before.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    /** The pattern of a line: time, level, the logger's abbreviated name, the message. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        // Its "Port ... already in use" is reported once, with the setting to change, by Application.
        context.getLogger("io.micronaut.http.server.netty.NettyHttpServer").setLevel(Level.OFF);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
