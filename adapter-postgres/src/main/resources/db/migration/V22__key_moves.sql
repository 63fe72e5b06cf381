-- vpnbot schema, version 22: moving keys between servers (docs/MOVES.md, issue 17).
-- A move is its own job (attempts, next attempt, a lease like the fulfilment queue's): REQUESTED
-- (a pending placement on the target) -> TARGET_PLACED (the key's home is the target, the source's
-- placement disabled, one transaction) -> SOURCE_DISABLED (the source's client switched off at its
-- panel; deleted at delete_after) -> DONE; FAILED when given up before the key left its source.
-- Keys and servers are never deleted in production (statuses, retired_at): the cascades only let
-- tests empty their tables.
CREATE SEQUENCE key_move_ids;
CREATE TABLE key_moves (
    id              bigint      PRIMARY KEY CHECK (id > 0),
    key_id          bigint      NOT NULL REFERENCES vpn_keys (id) ON DELETE CASCADE,
    from_server_id  bigint      NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
    to_server_id    bigint      NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
    origin          text        NOT NULL CHECK (origin IN ('BUYER', 'EVACUATION')),
    evacuation_id   bigint,
    state           text        NOT NULL CHECK (state IN ('REQUESTED', 'TARGET_PLACED', 'SOURCE_DISABLED', 'DONE', 'FAILED')),
    requested_at    timestamptz NOT NULL,
    delete_after    timestamptz,
    failure         text,
    -- the client left on the source (the key's identity when it left it), kept to switch off and delete exactly it
    source_uuid     uuid,
    source_email    text,
    source_sub_id   text,
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    finished_at     timestamptz,
    CHECK (from_server_id <> to_server_id),
    CHECK ((origin = 'EVACUATION') = (evacuation_id IS NOT NULL)),
    CHECK (state <> 'FAILED' OR failure IS NOT NULL),
    CHECK (state <> 'SOURCE_DISABLED' OR delete_after IS NOT NULL),
    CHECK (state IN ('REQUESTED', 'FAILED') OR source_uuid IS NOT NULL)
);
-- one unfinished step per key at a time: a key moving (before its source is switched off) cannot move again
CREATE UNIQUE INDEX key_moves_one_under_way ON key_moves (key_id) WHERE state IN ('REQUESTED', 'TARGET_PLACED');
-- the job's queue: open moves in the order they are due
CREATE INDEX key_moves_due_idx ON key_moves (next_attempt_at, id) WHERE state IN ('REQUESTED', 'TARGET_PLACED', 'SOURCE_DISABLED');
-- the daily limit and the key's history
CREATE INDEX key_moves_key_idx ON key_moves (key_id, requested_at);
-- slots held on a target by moves not yet landed
CREATE INDEX key_moves_target_idx ON key_moves (to_server_id) WHERE state = 'REQUESTED';
-- statistics: moves per day
CREATE INDEX key_moves_requested_idx ON key_moves (requested_at);
CREATE INDEX key_moves_evacuation_idx ON key_moves (evacuation_id, state) WHERE evacuation_id IS NOT NULL;
