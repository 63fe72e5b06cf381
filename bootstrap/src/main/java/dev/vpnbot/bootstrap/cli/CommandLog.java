package dev.vpnbot.bootstrap.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of a command whose standard output is its answer ({@code server …}, {@code tariff …},
 * {@code migrate}): the bot logs to stdout (journald, docker logs), so for these commands its
 * console lines move to stderr, warnings and errors only unless {@code --verbose}. A script can
 * then read stdout and nothing else.
 */
final class CommandLog {
    static final String APPENDER = "command-stderr";

    private CommandLog() {}

    static void toStandardError(boolean verbose) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) toStandardError(context, verbose);
    }

    /**
     * Replaces every console appender on stdout at the root with one on stderr. Does nothing
     * where nothing logs to stdout (the tests' own configuration), so it can be called again.
     */
    static void toStandardError(LoggerContext context, boolean verbose) {
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> onStdout = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof ConsoleAppender<ILoggingEvent> console && "System.out".equals(console.getTarget())) {
                onStdout.add(appender);
            }
        }
        if (onStdout.isEmpty()) return;
        onStdout.forEach(a -> {
            root.detachAppender(a);
            a.stop();
        });

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        encoder.start();
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel((verbose ? Level.INFO : Level.WARN).toString());
        threshold.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName(APPENDER);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.addFilter(threshold);
        stderr.start();
        root.addAppender(stderr);
    }
}
