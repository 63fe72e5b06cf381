-- vpnbot schema, version 21: the referral reward may be a discount (docs/GROWTH.md).
-- A personal promo code: only its owner may use it (a referral reward); NULL = anybody.
ALTER TABLE promo_codes ADD COLUMN owner_id bigint REFERENCES users (id);

-- A discount reward is a code issued to the referrer, not a zero-price order.
ALTER TABLE referrals DROP CONSTRAINT referrals_reward_kind_check;
ALTER TABLE referrals ADD CONSTRAINT referrals_reward_kind_check CHECK (reward_kind IN ('EXTRA_DAYS', 'DISCOUNT'));
ALTER TABLE referrals ADD COLUMN reward_percent integer CHECK (reward_percent BETWEEN 1 AND 100);
ALTER TABLE referrals ADD COLUMN reward_code text;
ALTER TABLE referrals DROP CONSTRAINT referrals_check2;
ALTER TABLE referrals ADD CONSTRAINT referrals_granted_check CHECK (state NOT IN ('GRANTED', 'REVERSING', 'REVERSED')
    OR (rewarded_at IS NOT NULL AND (reward_order_id IS NOT NULL OR reward_code IS NOT NULL)));

-- The key a referrer chose for their days rewards; NULL (or a key no longer usable): the most recent.
ALTER TABLE referral_codes ADD COLUMN reward_key_id bigint REFERENCES vpn_keys (id);
