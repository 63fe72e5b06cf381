-- vpnbot schema, version 9: node enrolment (deploy/node/install.sh, docs/NODES.md).
-- One-time tokens an admin issues for one server name; only the SHA-256 of the secret is kept.
-- server_group is plain text until server groups exist.
CREATE TABLE enrollment_tokens (
    secret_sha256 text        PRIMARY KEY CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    server_name   text        NOT NULL CHECK (length(server_name) BETWEEN 1 AND 64),
    max_clients   integer     NOT NULL CHECK (max_clients >= 1),
    server_group  text        CHECK (length(server_group) BETWEEN 1 AND 64),
    issued_at     timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL CHECK (expires_at > issued_at),
    used_at       timestamptz
);

-- The database route: a node's role may INSERT the request columns of this table and nothing
-- else (docs/NODES.md has the GRANTs); the bot takes each row once, wipes its secrets as it
-- takes it, and writes the outcome back.
CREATE TABLE node_enrollments (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token           text        CHECK (length(token) <= 200),
    server_name     text        CHECK (length(server_name) <= 64),
    panel_url       text        CHECK (length(panel_url) <= 2000),
    panel_username  text        CHECK (length(panel_username) <= 200),
    panel_password  text        CHECK (length(panel_password) <= 500),
    panel_api_token text        CHECK (length(panel_api_token) <= 500),
    cert_sha256     text        CHECK (length(cert_sha256) <= 200),
    inbound_port    integer     NOT NULL DEFAULT 0,
    reality_sni     text        CHECK (length(reality_sni) <= 253),
    submitted_at    timestamptz NOT NULL DEFAULT now(),
    taken_at        timestamptz,
    finished_at     timestamptz,
    outcome         text
);
CREATE INDEX node_enrollments_waiting_idx ON node_enrollments (id) WHERE taken_at IS NULL;
