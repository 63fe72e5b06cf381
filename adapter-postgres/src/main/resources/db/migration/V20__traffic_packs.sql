-- Traffic packs (issue 22): a tariff with traffic_pack_gb > 0 adds that many GB to a key's quota
-- instead of days. The packs a key got since its latest renewal are kept here: its quota on the
-- panel is its tariff's plus the sum of those that still count; a renewal (a new period) ends them.
ALTER TABLE tariffs
    ADD COLUMN traffic_pack_gb integer NOT NULL DEFAULT 0 CHECK (traffic_pack_gb BETWEEN 0 AND 1000000);

CREATE TABLE key_traffic_packs (
    order_id   bigint      PRIMARY KEY REFERENCES orders (id),
    key_id     bigint      NOT NULL REFERENCES vpn_keys (id),
    gb         integer     NOT NULL CHECK (gb > 0),
    granted_at timestamptz NOT NULL,
    -- false once the key was renewed after it: the new period starts with the tariff's quota only
    counts     boolean     NOT NULL DEFAULT true
);
CREATE INDEX key_traffic_packs_key ON key_traffic_packs (key_id);
