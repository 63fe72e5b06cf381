<?php
// Generates adapter-heleket/src/test/resources/php-webhook-vectors.json with real PHP, the
// oracle for the webhook verifier (never the Java code under test).
// Run: php adapter-heleket/src/test/php/make-webhook-vectors.php > adapter-heleket/src/test/resources/php-webhook-vectors.json
$key = 'test-payment-key-0123456789abcdef';

function webhook(string $key, array $payload, string $name, string $note): array {
    $signed = json_encode($payload, JSON_UNESCAPED_UNICODE);
    $sign = md5(base64_encode($signed) . $key);
    $payload['sign'] = $sign;
    return [
        'name' => $name,
        'note' => $note,
        'signed_string' => $signed,
        'sign' => $sign,
        'bodies' => [
            'unescaped_unicode' => json_encode($payload, JSON_UNESCAPED_UNICODE),
            'php_default_flags' => json_encode($payload),
            'unescaped_slashes' => json_encode($payload, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES),
            'pretty_printed' => json_encode($payload, JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT),
        ],
    ];
}

$base = [
    'type' => 'payment',
    'uuid' => 'a3c1f2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b',
    'order_id' => 'vpn-7-k3x9q7',
    'amount' => '5.00',
    'payment_amount' => '5.00000000',
    'payment_amount_usd' => '5.00',
    'merchant_amount' => '4.90000000',
    'commission' => '0.10000000',
    'is_final' => true,
    'status' => 'paid',
    'from' => null,
    'wallet_address_uuid' => null,
    'network' => 'tron',
    'currency' => 'USD',
    'payer_currency' => 'USDT',
    'payer_amount' => '5.00000000',
    'payer_amount_exchange_rate' => '1.00000000',
    'additional_data' => null,
    'transfer_id' => null,
];

$vectors = [];
$vectors[] = webhook($key, $base, 'plain_ascii', 'no slash, no unicode: every encoder agrees');

$p = $base;
$p['additional_data'] = "Заказ №7 — 5\$ <b>&'</b> https://t.me/vpn_bot?start=7 😀 tab\there \"q\" back\\slash";
$vectors[] = webhook($key, $p, 'unicode_slashes_html_emoji', 'Cyrillic, em dash, emoji (escaped as a surrogate pair by default flags), <>&\', slash, tab, quote, backslash');

$p = $base;
$p['additional_data'] = "c0:\x01\x07\x1f del:\x7f ls:\u{2028} ps:\u{2029} nbsp:\u{a0} bom:\u{feff}";
$vectors[] = webhook($key, $p, 'controls_and_line_separators', 'controls as lower-case \\u00xx, DEL raw, U+2028/2029 escaped even with JSON_UNESCAPED_UNICODE');

$p = $base;
$p['convert'] = ['to_currency' => 'USDT', 'commission' => null, 'rate' => '1.00000000', 'amount' => '4.90000000'];
$p['txid'] = 'f00dfeed';
$p['extra_list'] = ['x/y', 1, 2.5, true, null, [], ['k' => 'v']];
$p['float'] = 0.1;
$p['whole_float'] = 3.0;
$p['negative'] = -7;
$vectors[] = webhook($key, $p, 'nested_and_numbers', 'nested object and list, empty list, numbers as PHP prints them');

echo json_encode(['generator' => 'PHP ' . PHP_VERSION . ' json_encode + md5(base64_encode(..) . key)', 'api_key' => $key, 'vectors' => $vectors],
    JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
