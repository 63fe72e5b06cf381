-- vpnbot schema, version 13: free trial and referral rewards (docs/GROWTH.md).

-- Servers the operator marked for trial keys; trial keys go nowhere else.
ALTER TABLE servers ADD COLUMN for_trials boolean NOT NULL DEFAULT false;
-- A paid micro-trial: a tariff each user may buy once.
ALTER TABLE tariffs ADD COLUMN once_per_user boolean NOT NULL DEFAULT false;

-- One free trial per Telegram account, ever: the primary key makes a second one (two devices at
-- once, or after the chat or the key was deleted) impossible. No foreign key to the order's key:
-- the row outlives everything else about the trial. The trial is claimed before its order is
-- written (a second claim fails before anything else), hence the deferred check of the order.
CREATE TABLE trials (
    user_id    bigint      PRIMARY KEY REFERENCES users (id),
    order_id   bigint      NOT NULL UNIQUE REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
    started_at timestamptz NOT NULL
);

-- Each user's own start link code (t.me/<bot>?start=ref_<code>), made when first asked for.
CREATE TABLE referral_codes (
    user_id    bigint      PRIMARY KEY REFERENCES users (id),
    code       text        NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9]{6,16}$'),
    created_at timestamptz NOT NULL
);

-- Who invited whom (one referrer per invited user, ever) and the reward's life:
-- WAITING for the invited user's first paid order; GRANTED (reward order placed); VOID (that
-- first payment was refunded before a reward); REVERSING (taken back in the database, the panel
-- to follow); REVERSED.
CREATE TABLE referrals (
    invited_id          bigint      PRIMARY KEY REFERENCES users (id),
    referrer_id         bigint      NOT NULL REFERENCES users (id),
    invited_at          timestamptz NOT NULL,
    state               text        NOT NULL CHECK (state IN ('WAITING', 'GRANTED', 'VOID', 'REVERSING', 'REVERSED')),
    qualifying_order_id bigint      REFERENCES orders (id),
    reward_kind         text        CHECK (reward_kind IN ('EXTRA_DAYS')),
    reward_days         integer     CHECK (reward_days > 0),
    reward_order_id     bigint      REFERENCES orders (id),
    rewarded_at         timestamptz,
    reversed_at         timestamptz,
    CHECK (invited_id <> referrer_id),
    CHECK (state = 'WAITING' OR qualifying_order_id IS NOT NULL),
    CHECK (state NOT IN ('GRANTED', 'REVERSING', 'REVERSED') OR (reward_order_id IS NOT NULL AND rewarded_at IS NOT NULL))
);
CREATE INDEX referrals_referrer_idx ON referrals (referrer_id);
CREATE INDEX referrals_open_idx ON referrals (invited_id) WHERE state IN ('WAITING', 'GRANTED', 'REVERSING');
