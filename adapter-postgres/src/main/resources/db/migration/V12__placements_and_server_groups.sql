-- vpnbot schema, version 12: a key on several locations.
-- A placement is one client of a key on one server's panel. Every placement of a key carries the
-- key's own UUID, subId and expiry (vpn_keys keeps them); vpn_keys.server_id stays the key's home
-- placement. A move between servers is a new placement on the target and the source's switched off.
CREATE TABLE key_placements (
    key_id          bigint      NOT NULL REFERENCES vpn_keys (id),
    server_id       bigint      NOT NULL REFERENCES servers (id),
    panel_email     text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'DISABLED')),
    subscription_url text,
    vless_url       text,
    -- a pending placement is created by the placement sweep; failed attempts back off
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (key_id, server_id),
    CHECK (status <> 'ACTIVE' OR vless_url IS NOT NULL)
);
-- the sweep: pending placements in the order they are due
CREATE INDEX key_placements_pending_idx ON key_placements (next_attempt_at, key_id) WHERE status = 'PENDING';
CREATE INDEX key_placements_server_idx ON key_placements (server_id, key_id);

-- Every existing key is on exactly one server: its placement mirrors the key.
INSERT INTO key_placements (key_id, server_id, panel_email, status, subscription_url, vless_url, next_attempt_at, created_at)
SELECT id, server_id, panel_email,
       CASE status WHEN 'ACTIVE' THEN 'ACTIVE' WHEN 'PROVISIONING' THEN 'PENDING' ELSE 'DISABLED' END,
       subscription_url, vless_url, created_at, created_at
  FROM vpn_keys;

-- Server groups a tariff can cover. "all locations" (all_servers) covers every server that is
-- switched on; a named group covers its members that are switched on.
CREATE SEQUENCE server_group_ids START WITH 101;
CREATE TABLE server_groups (
    id          bigint  PRIMARY KEY CHECK (id > 0),
    name        text    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    all_servers boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX server_groups_name_key ON server_groups (lower(name));
INSERT INTO server_groups (id, name, all_servers) VALUES (1, 'all', true);

CREATE TABLE server_group_members (
    group_id  bigint NOT NULL REFERENCES server_groups (id) ON DELETE CASCADE,
    server_id bigint NOT NULL REFERENCES servers (id),
    PRIMARY KEY (group_id, server_id)
);

-- A tariff with a group sells keys on every server of the group (no location choice); without
-- one, on the location the buyer picks, as before.
ALTER TABLE tariffs ADD COLUMN server_group_id bigint REFERENCES server_groups (id);
-- The group a key was sold for: the sweep puts it on servers added to the group later.
ALTER TABLE vpn_keys ADD COLUMN server_group_id bigint REFERENCES server_groups (id);
CREATE INDEX vpn_keys_group_idx ON vpn_keys (server_group_id, id) WHERE server_group_id IS NOT NULL;
