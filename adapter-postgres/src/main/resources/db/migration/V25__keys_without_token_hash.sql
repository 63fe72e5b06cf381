-- vpnbot schema, version 25: the keys whose subscription token hash is not written yet (V8 gave
-- keys only a seed; a key gets its hash when its link is first shown). The bot fills them in the
-- background after start (TokenHashBackfill, keyset by id); this index hands it exactly those
-- keys, and once they are filled it is empty, so the next start's look costs nothing.
CREATE INDEX vpn_keys_without_token_hash ON vpn_keys (id) WHERE sub_token_hash IS NULL;
