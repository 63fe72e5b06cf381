package dev.vpnbot.bootstrap.config;

/** What the configuration is read for; each command needs a different part of it. */
public enum Purpose {
    /** The real bot: Telegram, payments, database, everything. */
    RUN,
    /** Only the database: bring its schema up to date. */
    MIGRATE,
    /** Operator commands that reach panels (server …): the database and SECRET_KEY, which seals panel passwords. */
    OPERATE,
    /** Operator commands on the price list (tariff …): the database only; no panel secret is read or stored. */
    PRICES,
    /** The simulated shop: nothing outside is contacted, so nothing outside has to be configured. */
    SANDBOX
}
