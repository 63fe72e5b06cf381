package dev.vpnbot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** An operator command's log leaves stdout to the answer: stderr, warnings only unless --verbose. */
class CommandLogTest {

    /** A context set up as the bot's logback.xml does: one console appender on stdout. */
    private static LoggerContext asTheBotLogs() {
        LoggerContext context = new LoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("STDOUT");
        stdout.setEncoder(encoder);
        stdout.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(stdout);
        return context;
    }

    private static List<Appender<ILoggingEvent>> rootAppenders(LoggerContext context) {
        List<Appender<ILoggingEvent>> all = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(all::add);
        return all;
    }

    private static FilterReply decides(Appender<ILoggingEvent> appender, Level level) {
        LoggingEvent event = new LoggingEvent();
        event.setLevel(level);
        return appender.getFilterChainDecision(event);
    }

    @Test
    void the_log_moves_from_stdout_to_stderr_and_keeps_only_warnings() {
        LoggerContext context = asTheBotLogs();

        CommandLog.toStandardError(context, false);

        List<Appender<ILoggingEvent>> appenders = rootAppenders(context);
        assertThat(appenders).singleElement().satisfies(a -> {
            assertThat(((ConsoleAppender<ILoggingEvent>) a).getTarget()).isEqualTo("System.err");
            assertThat(decides(a, Level.INFO)).isEqualTo(FilterReply.DENY);
            assertThat(decides(a, Level.WARN)).isEqualTo(FilterReply.NEUTRAL);
            assertThat(decides(a, Level.ERROR)).isEqualTo(FilterReply.NEUTRAL);
        });
    }

    @Test
    void verbose_keeps_what_is_done_too() {
        LoggerContext context = asTheBotLogs();

        CommandLog.toStandardError(context, true);

        assertThat(rootAppenders(context)).singleElement().satisfies(a -> {
            assertThat(decides(a, Level.INFO)).isEqualTo(FilterReply.NEUTRAL);
            assertThat(decides(a, Level.DEBUG)).isEqualTo(FilterReply.DENY);
        });
    }

    @Test
    void a_log_that_does_not_write_to_stdout_is_left_as_it_is() {
        LoggerContext context = new LoggerContext();
        CommandLog.toStandardError(context, false);
        CommandLog.toStandardError(context, false);
        assertThat(rootAppenders(context)).isEmpty();
    }
}
