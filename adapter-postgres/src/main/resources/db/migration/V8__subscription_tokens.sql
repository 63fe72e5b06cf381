-- vpnbot schema, version 8: the bot's own subscription link, /sub/<token>.
-- A key's token is derived by the application from a random seed and the application's secret
-- key (HMAC-SHA256); the database keeps the seed and the SHA-256 of the token, never the token,
-- so a copy of the database alone opens no subscription. Every existing key gets a seed here
-- (256 random bits from two gen_random_uuid()s, evaluated per row); its hash is written the
-- first time the bot shows the key's link, which is the first time anyone can know the token.
ALTER TABLE vpn_keys
    ADD COLUMN sub_token_seed bytea NOT NULL
        DEFAULT (uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()))
        CHECK (length(sub_token_seed) = 32),
    ADD COLUMN sub_token_hash bytea CHECK (length(sub_token_hash) = 32);
-- /sub looks a key up by the hash of the token in the URL
CREATE UNIQUE INDEX vpn_keys_sub_token_hash_key ON vpn_keys (sub_token_hash);

-- A link reset under way: the key's next client identity (same email, new UUID and subId),
-- written before any panel is asked to change, so a crash at any step leaves it stored and the
-- reset finishes with the very same identity.
CREATE TABLE key_link_resets (
    key_id       bigint      PRIMARY KEY REFERENCES vpn_keys (id),
    client_uuid  uuid        NOT NULL,
    sub_id       text        NOT NULL,
    requested_at timestamptz NOT NULL
);
