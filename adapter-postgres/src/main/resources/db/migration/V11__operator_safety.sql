-- vpnbot schema, version 11: operator safety.
-- A banned user's updates are ignored (but for a short notice) and their keys are switched off.
ALTER TABLE users ADD COLUMN banned boolean NOT NULL DEFAULT false;

-- Maintenance: while a row is here, new keys are not sold (renewals and My keys still work);
-- the message is what buyers read. At most one row.
CREATE TABLE sales_pause (
    id        smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    message   text        NOT NULL DEFAULT '',
    paused_at timestamptz NOT NULL,
    paused_by bigint      NOT NULL
);
