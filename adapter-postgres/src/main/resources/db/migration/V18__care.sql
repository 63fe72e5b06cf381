-- vpnbot schema, version 18: buyer and admin care (issue 22): bans remember what they switched
-- off, broadcasts carry a photo and a button and reach more audiences, the VPN apps are data.

-- The keys a ban switched off (ACTIVE → DISABLED). An unban switches on these and only these:
-- a key disabled for another reason (a Stars refund) stays off.
CREATE TABLE ban_disabled_keys (
    key_id      bigint      PRIMARY KEY REFERENCES vpn_keys (id),
    user_id     bigint      NOT NULL REFERENCES users (id),
    disabled_at timestamptz NOT NULL
);
CREATE INDEX ban_disabled_keys_user_idx ON ban_disabled_keys (user_id);

-- Broadcasts: an optional photo (a Telegram file id; the text is then its caption), one URL
-- button, and the days of "expiring within N days".
ALTER TABLE broadcasts DROP CONSTRAINT broadcasts_audience_check;
ALTER TABLE broadcasts
    ADD CONSTRAINT broadcasts_audience_check
        CHECK (audience IN ('ALL', 'WITH_ACTIVE_KEY', 'WITH_EXPIRED_KEY', 'NEVER_PAID', 'TRIAL_ONLY', 'EXPIRING_SOON')),
    ADD COLUMN photo        text CHECK (length(photo) BETWEEN 1 AND 256),
    ADD COLUMN button_label text CHECK (length(button_label) BETWEEN 1 AND 64),
    ADD COLUMN button_url   text CHECK (length(button_url) BETWEEN 1 AND 2048),
    ADD COLUMN within_days  integer NOT NULL DEFAULT 0 CHECK (within_days BETWEEN 0 AND 365),
    ADD CONSTRAINT broadcasts_button_whole CHECK ((button_label IS NULL) = (button_url IS NULL)),
    ADD CONSTRAINT broadcasts_caption_length CHECK (photo IS NULL OR length(text) <= 1024);

-- The VPN apps we recommend: one row per app on a platform, in the order shown. The import
-- template makes the app's own link from {url} (as is) or {url_encoded}; /connect redirects only
-- to templates whose scheme the application allowed when they were saved. At most one default
-- app per platform: the one the guide puts first and names in the steps.
CREATE TABLE vpn_apps (
    platform        text    NOT NULL CHECK (platform IN ('ANDROID', 'IOS', 'WINDOWS', 'MACOS', 'LINUX')),
    code            text    NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    name            text    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    store_url       text    NOT NULL CHECK (store_url LIKE 'https://%'),
    -- the application checks the whole allowlist; this keeps the worst out of hand-written SQL too
    import_template text    CHECK (length(import_template) BETWEEN 1 AND 512
                                   AND import_template !~* '^\s*(javascript|vbscript|data|file|blob|about|https?|intent):'),
    position        integer NOT NULL,
    enabled         boolean NOT NULL DEFAULT true,
    is_default      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (platform, code),
    CHECK (enabled OR NOT is_default)
);
CREATE UNIQUE INDEX vpn_apps_one_default_idx ON vpn_apps (platform) WHERE is_default;

-- Today's list (it was code before), Happ first and the default where it exists.
INSERT INTO vpn_apps (platform, code, name, store_url, import_template, position, is_default) VALUES
    ('ANDROID', 'happ',      'Happ',      'https://play.google.com/store/apps/details?id=com.happproxy',        'happ://add/{url}',                        1, true),
    ('ANDROID', 'v2raytun',  'V2RayTun',  'https://play.google.com/store/apps/details?id=com.v2raytun.android', 'v2raytun://import/{url}',                 2, false),
    ('ANDROID', 'hiddify',   'Hiddify',   'https://play.google.com/store/apps/details?id=app.hiddify.com',      'hiddify://import/{url}',                  3, false),
    ('ANDROID', 'v2rayng',   'v2rayNG',   'https://github.com/2dust/v2rayNG/releases/latest',                   'v2rayng://install-config?url={url_encoded}', 4, false),
    ('IOS',     'happ',      'Happ',      'https://apps.apple.com/app/happ-proxy-utility/id6504287215',         'happ://add/{url}',                        1, true),
    ('IOS',     'v2raytun',  'V2RayTun',  'https://apps.apple.com/app/v2raytun/id6476628951',                   'v2raytun://import/{url}',                 2, false),
    ('IOS',     'streisand', 'Streisand', 'https://apps.apple.com/app/streisand/id6450534064',                  'streisand://import/{url}',                3, false),
    ('IOS',     'hiddify',   'Hiddify',   'https://apps.apple.com/app/hiddify-proxy-vpn/id6596777532',          'hiddify://import/{url}',                  4, false),
    ('WINDOWS', 'happ',      'Happ',      'https://github.com/Happ-proxy/happ-desktop/releases/latest',         'happ://add/{url}',                        1, true),
    ('WINDOWS', 'hiddify',   'Hiddify',   'https://github.com/hiddify/hiddify-app/releases/latest',             'hiddify://import/{url}',                  2, false),
    ('WINDOWS', 'v2rayn',    'v2rayN',    'https://github.com/2dust/v2rayN/releases/latest',                    NULL,                                      3, false),
    ('MACOS',   'happ',      'Happ',      'https://apps.apple.com/app/happ-proxy-utility/id6504287215',         'happ://add/{url}',                        1, true),
    ('MACOS',   'v2raytun',  'V2RayTun',  'https://apps.apple.com/app/v2raytun/id6476628951',                   'v2raytun://import/{url}',                 2, false),
    ('MACOS',   'hiddify',   'Hiddify',   'https://github.com/hiddify/hiddify-app/releases/latest',             'hiddify://import/{url}',                  3, false),
    ('LINUX',   'hiddify',   'Hiddify',   'https://github.com/hiddify/hiddify-app/releases/latest',             'hiddify://import/{url}',                  1, true),
    ('LINUX',   'v2rayn',    'v2rayN',    'https://github.com/2dust/v2rayN/releases/latest',                    NULL,                                      2, false);
