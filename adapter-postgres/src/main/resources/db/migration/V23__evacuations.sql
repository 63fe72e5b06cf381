-- vpnbot schema, version 23: evacuating a server (docs/MOVES.md): every key of a server moved away,
-- a move per key on the key_moves queue (V22). Planning walks the server's keys in id order and keeps
-- its place (cursor_key_id), so a restart goes on where it stopped; the figures are counted from the
-- moves themselves and the keys skipped. One evacuation under way per server.
CREATE SEQUENCE evacuation_ids;
CREATE TABLE evacuations (
    id               bigint      PRIMARY KEY CHECK (id > 0),
    server_id        bigint      NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
    target_server_id bigint      REFERENCES servers (id) ON DELETE CASCADE, -- NULL: the least loaded servers with room
    requested_by     bigint      NOT NULL,
    requested_at     timestamptz NOT NULL,
    phase            text        NOT NULL CHECK (phase IN ('PLANNING', 'MOVING', 'FINISHED')),
    cursor_key_id    bigint,
    finished_at      timestamptz,
    CHECK (server_id <> target_server_id),
    CHECK ((phase = 'FINISHED') = (finished_at IS NOT NULL))
);
CREATE UNIQUE INDEX evacuations_one_under_way ON evacuations (server_id) WHERE phase <> 'FINISHED';

-- keys an evacuation could not move, and why (a key on several locations, a renewal being delivered, ...)
CREATE TABLE evacuation_skips (
    evacuation_id bigint NOT NULL REFERENCES evacuations (id) ON DELETE CASCADE,
    key_id        bigint NOT NULL,
    reason        text   NOT NULL,
    PRIMARY KEY (evacuation_id, key_id)
);

ALTER TABLE key_moves ADD CONSTRAINT key_moves_evacuation_fk FOREIGN KEY (evacuation_id) REFERENCES evacuations (id) ON DELETE CASCADE;
