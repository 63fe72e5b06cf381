-- vpnbot schema, version 24: a server's load counts the group keys placed on it too. A key occupies
-- a client on its home server (vpn_keys.server_id, counted since V7) and on every other server
-- where it has a placement that is ACTIVE or PENDING; each (key, server) once (the placement's
-- primary key). Those other placements of live keys (ACTIVE or PROVISIONING) are kept in the same
-- server_load rows (server, UTC day of the key's expiry, shard key id % 16), in the same
-- transaction as every change to key_placements (statement triggers, one sorted upsert per
-- statement) and to a key's status, expiry or home (a row trigger on vpn_keys walks its few
-- placements). A placement change locks its key's row (FOR SHARE) first, so a renewal committed
-- meanwhile is read, not missed.

CREATE FUNCTION placement_counts(placement_status text, key_status text, key_home bigint, placement_server bigint) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT placement_status IN ('ACTIVE', 'PENDING') AND key_status IN ('ACTIVE', 'PROVISIONING') AND key_home <> placement_server;
$$;

CREATE FUNCTION server_load_placements_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM vpn_keys k WHERE k.id IN (SELECT key_id FROM new_rows) ORDER BY k.id FOR SHARE;
    INSERT INTO server_load (server_id, expires_on, shard, keys)
    SELECT n.server_id, (k.expires_at AT TIME ZONE 'UTC')::date, k.id % 16, count(*)
      FROM new_rows n JOIN vpn_keys k ON k.id = n.key_id
     WHERE placement_counts(n.status, k.status, k.server_id, n.server_id)
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (server_id, expires_on, shard) DO UPDATE SET keys = server_load.keys + excluded.keys;
    RETURN NULL;
END $$;

CREATE FUNCTION server_load_placements_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM vpn_keys k WHERE k.id IN (SELECT key_id FROM old_rows) ORDER BY k.id FOR SHARE;
    INSERT INTO server_load (server_id, expires_on, shard, keys)
    SELECT o.server_id, (k.expires_at AT TIME ZONE 'UTC')::date, k.id % 16, -count(*)
      FROM old_rows o JOIN vpn_keys k ON k.id = o.key_id
     WHERE placement_counts(o.status, k.status, k.server_id, o.server_id)
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (server_id, expires_on, shard) DO UPDATE SET keys = server_load.keys + excluded.keys;
    RETURN NULL;
END $$;

-- the key is the same before and after (this statement changes placements only): only the statuses differ
CREATE FUNCTION server_load_placements_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM vpn_keys k WHERE k.id IN (SELECT key_id FROM new_rows) ORDER BY k.id FOR SHARE;
    INSERT INTO server_load (server_id, expires_on, shard, keys)
    SELECT d.server_id, d.day, d.part, sum(d.delta)
      FROM (SELECT o.server_id, (k.expires_at AT TIME ZONE 'UTC')::date AS day, k.id % 16 AS part, -1 AS delta
              FROM old_rows o JOIN vpn_keys k ON k.id = o.key_id
             WHERE placement_counts(o.status, k.status, k.server_id, o.server_id)
            UNION ALL
            SELECT n.server_id, (k.expires_at AT TIME ZONE 'UTC')::date, k.id % 16, 1
              FROM new_rows n JOIN vpn_keys k ON k.id = n.key_id
             WHERE placement_counts(n.status, k.status, k.server_id, n.server_id)) d
     GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (server_id, expires_on, shard) DO UPDATE SET keys = server_load.keys + excluded.keys;
    RETURN NULL;
END $$;

CREATE TRIGGER key_placements_load_insert AFTER INSERT ON key_placements
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION server_load_placements_inserted();
CREATE TRIGGER key_placements_load_delete AFTER DELETE ON key_placements
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION server_load_placements_deleted();
CREATE TRIGGER key_placements_load_update AFTER UPDATE ON key_placements
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION server_load_placements_updated();

-- A key's status, expiry or home changed: its other placements move between days, or start or stop counting.
CREATE FUNCTION server_load_follow_key_placements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_live boolean := OLD.status IN ('ACTIVE', 'PROVISIONING');
    is_live  boolean := TG_OP = 'UPDATE' AND NEW.status IN ('ACTIVE', 'PROVISIONING');
    old_day  date := (OLD.expires_at AT TIME ZONE 'UTC')::date;
    new_day  date;
BEGIN
    IF NOT was_live AND NOT is_live THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' THEN new_day := (NEW.expires_at AT TIME ZONE 'UTC')::date; END IF;
    IF was_live AND is_live AND OLD.server_id = NEW.server_id AND old_day = new_day THEN RETURN NULL; END IF;
    INSERT INTO server_load (server_id, expires_on, shard, keys)
    SELECT d.server_id, d.day, OLD.id % 16, sum(d.delta)
      FROM (SELECT p.server_id, old_day AS day, -1 AS delta FROM key_placements p
             WHERE was_live AND p.key_id = OLD.id AND p.status IN ('ACTIVE', 'PENDING') AND p.server_id <> OLD.server_id
            UNION ALL
            SELECT p.server_id, new_day, 1 FROM key_placements p
             WHERE is_live AND p.key_id = OLD.id AND p.status IN ('ACTIVE', 'PENDING') AND p.server_id <> NEW.server_id) d
     GROUP BY 1, 2 HAVING sum(d.delta) <> 0 ORDER BY 1, 2
    ON CONFLICT (server_id, expires_on, shard) DO UPDATE SET keys = server_load.keys + excluded.keys;
    RETURN NULL;
END $$;

CREATE TRIGGER vpn_keys_placement_load AFTER DELETE OR UPDATE OF status, expires_at, server_id ON vpn_keys
    FOR EACH ROW EXECUTE FUNCTION server_load_follow_key_placements();

-- the readers count the placements of keys expiring later today (an index range, as for home keys)
CREATE INDEX vpn_keys_live_expiry_idx ON vpn_keys (expires_at) WHERE status IN ('ACTIVE', 'PROVISIONING');

INSERT INTO server_load (server_id, expires_on, shard, keys)
SELECT p.server_id, (k.expires_at AT TIME ZONE 'UTC')::date, k.id % 16, count(*)
  FROM key_placements p JOIN vpn_keys k ON k.id = p.key_id
 WHERE placement_counts(p.status, k.status, k.server_id, p.server_id)
 GROUP BY 1, 2, 3
ON CONFLICT (server_id, expires_on, shard) DO UPDATE SET keys = server_load.keys + excluded.keys;
