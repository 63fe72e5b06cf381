-- Eight default tariffs an operator can edit or switch off later. 1 month = 30 days.
-- Active: 1, 3, 6 and 12 months in USD, longer ones cheaper per month (10 %, 20 %, 30 % off).
-- Inactive, ready to switch on: a trial week, 2 months, 2 years, and 1 month in roubles.
INSERT INTO tariffs (id, days, price, currency, active, display_order) VALUES
    (1,  30,   5.00, 'USD', true,  1),
    (2,  90,  13.50, 'USD', true,  2),
    (3, 180,  24.00, 'USD', true,  3),
    (4, 360,  42.00, 'USD', true,  4),
    (5,   7,   1.50, 'USD', false, 5),
    (6,  60,   9.50, 'USD', false, 6),
    (7, 720,  72.00, 'USD', false, 7),
    (8,  30, 450.00, 'RUB', false, 8);
