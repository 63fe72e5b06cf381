-- vpnbot schema, version 7: server load kept, not recounted. Every screen, delivery and reminder
-- read the load of a server by counting its live keys (1M keys: hundreds of milliseconds). The
-- load is "live keys (ACTIVE or PROVISIONING) that have not expired", so it changes with time as
-- well as with writes; the figure is kept per server and UTC day of expiry, in the same transaction
-- as every change to vpn_keys (a trigger), and a reader adds the days after today to the few keys
-- that expire later today (an index range). Stale days stay behind harmlessly. Each day is split
-- into 16 rows by key id, so keys sold at once on one server do not all wait for one row's lock.
CREATE TABLE server_load (
    server_id  bigint   NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
    expires_on date     NOT NULL,
    shard      smallint NOT NULL,
    keys       integer  NOT NULL,
    PRIMARY KEY (server_id, expires_on, shard)
);

CREATE FUNCTION server_load_add(server bigint, day date, part smallint, delta integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO server_load (server_id, expires_on, shard, keys) VALUES (server, day, part, delta)
    ON CONFLICT (server_id, expires_on, shard) DO UPDATE SET keys = server_load.keys + excluded.keys;
$$;

CREATE FUNCTION server_load_follow_key() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_live boolean := TG_OP <> 'INSERT' AND OLD.status IN ('ACTIVE', 'PROVISIONING');
    is_live  boolean := TG_OP <> 'DELETE' AND NEW.status IN ('ACTIVE', 'PROVISIONING');
    old_day  date;
    new_day  date;
    part     smallint := (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END) % 16;
BEGIN
    IF was_live THEN old_day := (OLD.expires_at AT TIME ZONE 'UTC')::date; END IF;
    IF is_live THEN new_day := (NEW.expires_at AT TIME ZONE 'UTC')::date; END IF;
    IF was_live AND is_live AND OLD.server_id = NEW.server_id AND old_day = new_day THEN
        RETURN NULL; -- same server, same day: nothing to count
    END IF;
    -- rows are locked in one order (server, then day), so two renewals never wait for each other in a circle
    IF was_live AND is_live AND (NEW.server_id, new_day) < (OLD.server_id, old_day) THEN
        PERFORM server_load_add(NEW.server_id, new_day, part, 1);
        PERFORM server_load_add(OLD.server_id, old_day, part, -1);
        RETURN NULL;
    END IF;
    IF was_live THEN PERFORM server_load_add(OLD.server_id, old_day, part, -1); END IF;
    IF is_live THEN PERFORM server_load_add(NEW.server_id, new_day, part, 1); END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER vpn_keys_server_load AFTER INSERT OR DELETE OR UPDATE OF status, expires_at, server_id ON vpn_keys
    FOR EACH ROW EXECUTE FUNCTION server_load_follow_key();

INSERT INTO server_load (server_id, expires_on, shard, keys)
SELECT server_id, (expires_at AT TIME ZONE 'UTC')::date, id % 16, count(*)
  FROM vpn_keys
 WHERE status IN ('ACTIVE', 'PROVISIONING')
 GROUP BY 1, 2, 3;

-- "my keys" a page at a time: a user's keys, the latest expiry first, read only as far as the page
CREATE INDEX vpn_keys_owner_expiry_idx ON vpn_keys (user_id, expires_at DESC, id DESC) WHERE status <> 'DELETED';
