-- vpnbot schema, version 14: promo codes (docs/CODES.md).
-- A code gives one benefit: percent off, an amount off, extra days, or a free key of one tariff.
CREATE TABLE promo_codes (
    id                bigserial     PRIMARY KEY,
    code              text          NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{3,32}$'),
    benefit           text          NOT NULL CHECK (benefit IN ('PERCENT', 'AMOUNT', 'DAYS', 'FREE_KEY')),
    percent           integer       CHECK (percent BETWEEN 1 AND 100),
    amount            numeric(20,8) CHECK (amount > 0),
    currency          char(3),
    extra_days        integer       CHECK (extra_days BETWEEN 1 AND 3660),
    free_tariff_id    bigint,       -- no foreign key: a tariff may be deleted, the code then fits nothing
    max_uses          integer       NOT NULL DEFAULT 0 CHECK (max_uses >= 0),
    max_uses_per_user integer       NOT NULL DEFAULT 0 CHECK (max_uses_per_user >= 0),
    expires_at        timestamptz,
    tariff_ids        bigint[]      NOT NULL DEFAULT '{}',
    new_users_only    boolean       NOT NULL DEFAULT false,
    disabled          boolean       NOT NULL DEFAULT false,
    created_at        timestamptz   NOT NULL,
    CHECK ((benefit = 'PERCENT') = (percent IS NOT NULL)),
    CHECK ((benefit = 'AMOUNT') = (amount IS NOT NULL AND currency IS NOT NULL)),
    CHECK ((benefit = 'DAYS') = (extra_days IS NOT NULL)),
    CHECK ((benefit = 'FREE_KEY') = (free_tariff_id IS NOT NULL))
);

-- One use of a code: the order placed with it (one code per order) and what the code took off.
-- The order's own price is already the discounted one; list_price is what it would have cost.
-- A use counts against the limits while its order is neither cancelled nor expired.
CREATE TABLE promo_redemptions (
    order_id    bigint        PRIMARY KEY REFERENCES orders (id),
    code_id     bigint        NOT NULL REFERENCES promo_codes (id),
    user_id     bigint        NOT NULL REFERENCES users (id),
    list_price  numeric(20,8) NOT NULL CHECK (list_price >= 0),
    discount    numeric(20,8) NOT NULL CHECK (discount >= 0 AND discount <= list_price),
    currency    char(3)       NOT NULL,
    extra_days  integer       NOT NULL DEFAULT 0 CHECK (extra_days >= 0),
    redeemed_at timestamptz   NOT NULL
);
CREATE INDEX promo_redemptions_code ON promo_redemptions (code_id, user_id);

-- The code a user brought by a start link (t.me/<bot>?start=promo_<code>), for their next order.
CREATE TABLE promo_remembered (
    user_id     bigint      PRIMARY KEY REFERENCES users (id),
    code        text        NOT NULL,
    remembered_at timestamptz NOT NULL DEFAULT now()
);
