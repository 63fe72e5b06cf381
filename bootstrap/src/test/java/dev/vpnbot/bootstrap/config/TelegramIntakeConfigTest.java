package dev.vpnbot.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TELEGRAM_UPDATE_QUEUE and TELEGRAM_UPDATE_WORKERS: the update queue's bound and its threads, read and checked like every setting. */
class TelegramIntakeConfigTest {

    private static AppConfig read(Map<String, String> env) {
        return ConfigReader.read(Variables.of(env), Purpose.MIGRATE);
    }

    private static List<String> problemsOf(Map<String, String> env) {
        try {
            read(env);
        } catch (InvalidConfiguration e) {
            return e.problems();
        }
        throw new AssertionError("expected configuration problems");
    }

    @Test
    void unset_they_are_a_thousand_updates_and_eight_workers() {
        TelegramIntake intake = read(Map.of()).telegram().intake();
        assertThat(intake).isEqualTo(new TelegramIntake(1000, 8)).isEqualTo(TelegramIntake.defaults());
    }

    @Test
    void the_operators_numbers_are_read_including_the_bounds() {
        assertThat(read(Map.of("TELEGRAM_UPDATE_QUEUE", "5000", "TELEGRAM_UPDATE_WORKERS", " 16 ")).telegram().intake())
                .isEqualTo(new TelegramIntake(5000, 16));
        assertThat(read(Map.of("TELEGRAM_UPDATE_QUEUE", "1", "TELEGRAM_UPDATE_WORKERS", "1")).telegram().intake())
                .isEqualTo(new TelegramIntake(1, 1));
        assertThat(read(Map.of("TELEGRAM_UPDATE_QUEUE", "100000", "TELEGRAM_UPDATE_WORKERS", "64")).telegram().intake())
                .isEqualTo(new TelegramIntake(100_000, 64));
    }

    @Test
    void nonsense_is_refused_naming_the_variable_and_the_range_with_every_other_problem() {
        assertThat(problemsOf(Map.of("TELEGRAM_UPDATE_QUEUE", "0", "TELEGRAM_UPDATE_WORKERS", "65", "MOVES_PER_DAY", "0")))
                .containsExactlyInAnyOrder("TELEGRAM_UPDATE_QUEUE: must be between 1 and 100000, got 0",
                        "TELEGRAM_UPDATE_WORKERS: must be between 1 and 64, got 65",
                        "MOVES_PER_DAY: must be a whole number from 1 to 100, got 0");
        assertThat(problemsOf(Map.of("TELEGRAM_UPDATE_QUEUE", "100001", "TELEGRAM_UPDATE_WORKERS", "eight")))
                .containsExactlyInAnyOrder("TELEGRAM_UPDATE_QUEUE: must be between 1 and 100000, got 100001",
                        "TELEGRAM_UPDATE_WORKERS: must be a whole number between 1 and 64, got eight");
        assertThat(problemsOf(Map.of("TELEGRAM_UPDATE_QUEUE", "1e3", "TELEGRAM_UPDATE_WORKERS", "-2")))
                .containsExactlyInAnyOrder("TELEGRAM_UPDATE_QUEUE: must be a whole number between 1 and 100000, got 1e3",
                        "TELEGRAM_UPDATE_WORKERS: must be between 1 and 64, got -2");
    }
}
