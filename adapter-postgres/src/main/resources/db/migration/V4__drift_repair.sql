-- vpnbot schema, version 4: the panel drift repair walks each server's active keys in id order,
-- a page at a time; this index lets every page start at its cursor instead of sorting them all.
CREATE INDEX vpn_keys_server_active_idx ON vpn_keys (server_id, id) WHERE status = 'ACTIVE';
