package dev.vpnbot.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TRIAL_*, REFERRAL_* and BOT_USERNAME: off by default, read and checked like every setting. */
class GrowthConfigTest {

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
    void trial_and_referrals_are_off_by_default() {
        GrowthConfig growth = read(Map.of()).growth();
        assertThat(growth.trialEnabled()).isFalse();
        assertThat(growth.referralEnabled()).isFalse();
        assertThat(growth).isEqualTo(GrowthConfig.off());
    }

    @Test
    void the_operators_trial_and_referral_settings_are_read() {
        GrowthConfig growth = read(Map.of("TRIAL_ENABLED", "true", "TRIAL_DAYS", "3", "TRIAL_LIMIT_IP", "2", "TRIAL_TRAFFIC_GB", "5",
                "TRIAL_REQUIRE_USERNAME", "yes", "TRIAL_MIN_ACCOUNT_AGE", "30m", "TRIAL_CHANNEL", "@vpn_news",
                "REFERRAL_ENABLED", "true", "REFERRAL_REWARD_DAYS", "10", "BOT_USERNAME", "@vpn_shop_bot")).growth();

        assertThat(growth).isEqualTo(new GrowthConfig(true, 3, 2, 5, true, Duration.ofMinutes(30), "@vpn_news", true, 10, "vpn_shop_bot"));
        assertThat(growth.trialTotalBytes()).isEqualTo(5L * 1024 * 1024 * 1024);
    }

    @Test
    void nonsense_is_refused_naming_the_variable() {
        List<String> problems = problemsOf(Map.of("TRIAL_DAYS", "0", "TRIAL_LIMIT_IP", "-1", "TRIAL_CHANNEL", "news",
                "REFERRAL_REWARD_DAYS", "many", "TRIAL_MIN_ACCOUNT_AGE", "soon"));

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("TRIAL_DAYS"))
                .anySatisfy(p -> assertThat(p).startsWith("TRIAL_LIMIT_IP"))
                .anySatisfy(p -> assertThat(p).startsWith("TRIAL_CHANNEL"))
                .anySatisfy(p -> assertThat(p).startsWith("REFERRAL_REWARD_DAYS"))
                .anySatisfy(p -> assertThat(p).startsWith("TRIAL_MIN_ACCOUNT_AGE"));
    }

    @Test
    void referral_reward_discount_is_read_with_its_percent_and_nonsense_is_refused() {
        GrowthConfig discount = read(Map.of("REFERRAL_ENABLED", "true", "BOT_USERNAME", "@vpn_shop_bot", "REFERRAL_REWARD", "discount",
                "REFERRAL_DISCOUNT_PERCENT", "25")).growth();
        assertThat(discount.referralDiscountPercent()).isEqualTo(25);
        assertThat(read(Map.of("REFERRAL_REWARD", "Discount")).growth().referralDiscountPercent())
                .isEqualTo(GrowthConfig.DEFAULT_REFERRAL_DISCOUNT_PERCENT);
        assertThat(read(Map.of("REFERRAL_REWARD", "days", "REFERRAL_DISCOUNT_PERCENT", "25")).growth().referralDiscountPercent()).isZero();

        assertThat(problemsOf(Map.of("REFERRAL_REWARD", "money", "REFERRAL_DISCOUNT_PERCENT", "101")))
                .anySatisfy(p -> assertThat(p).startsWith("REFERRAL_REWARD:").contains("days or discount"))
                .anySatisfy(p -> assertThat(p).startsWith("REFERRAL_DISCOUNT_PERCENT"));
    }

    @Test
    void referrals_without_the_bots_username_are_refused() {
        assertThat(problemsOf(Map.of("REFERRAL_ENABLED", "true"))).anySatisfy(p -> assertThat(p).contains("BOT_USERNAME"));
    }
}
