\ir schema.sql
INSERT INTO plans (id, code, tier, price, ratio, tags, limits, raw, logo, starts, period, ref, net, span)
OVERRIDING SYSTEM VALUE VALUES
    (1, 'free', 'free', 0, 0.1, '{a,"b c",NULL}', '{"x": 1}', '{ "spaced" : true }', '\x00ff',
     '2020-01-01 10:00+02', '1 day 02:00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '10.0.0.1/32', '[1,5)'),
    (2, 'pro', 'paid', 10, 1e100, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    (3, 'legacy', 'paid', 5, -0.0, '{}', '[]', 'null', '\x', '-infinity', '-1 mons', NULL, '::1', 'empty');
INSERT INTO plan_features VALUES (1, 'api', 100), (3, 'sso', 1), (2, 'api', 5);
INSERT INTO categories VALUES ('root', NULL, 'Root'), ('a', 'root', 'A'), ('old', 'root', 'Old');
INSERT INTO subscriptions VALUES (1, 3), (2, 3), (3, 1);
INSERT INTO invoices VALUES (1, 3), (2, 1);
