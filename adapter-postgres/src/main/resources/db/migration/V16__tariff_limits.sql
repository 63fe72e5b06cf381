-- Per-tariff limits a key gets on its panel (issue 22). 0 = the shop's configured default.
-- A monthly reset starts the key's used traffic from zero every 30 days; it needs a quota.
ALTER TABLE tariffs
    ADD COLUMN ip_limit      integer NOT NULL DEFAULT 0 CHECK (ip_limit BETWEEN 0 AND 1000),
    ADD COLUMN traffic_gb    integer NOT NULL DEFAULT 0 CHECK (traffic_gb BETWEEN 0 AND 1000000),
    ADD COLUMN monthly_reset boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT tariffs_monthly_reset_needs_quota CHECK (NOT monthly_reset OR traffic_gb > 0);
