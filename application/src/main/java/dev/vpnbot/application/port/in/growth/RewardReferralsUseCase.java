package dev.vpnbot.application.port.in.growth;

/** Use case (the schedule): grants the rewards earned and takes back those whose payment was refunded. */
public interface RewardReferralsUseCase {

    /** One round; returns how many referrals changed. */
    int run();
}
