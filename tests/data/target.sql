\ir schema.sql
ALTER TABLE plans ADD COLUMN note text;
INSERT INTO plans (id, code, tier, price, ratio, tags, limits, raw, logo, starts, period, ref, net, span, note)
OVERRIDING SYSTEM VALUE VALUES
    (1, 'free', 'free', 0, 0.30000000000000004, '{"it''s","back\\slash","q\"uote",NULL}', '{"x": 1}',
     '{ "spaced" : true }', '\x00ff', '2020-01-01 10:00+02', '1 day 02:00',
     'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '10.0.0.1/32', '[1,5)', NULL),
    (2, 'pro', 'paid', 12.5, 1e100, '{x}', '{"y": [1, 2.50]}', '{"a":1,  "a":2}', '\x5c27',
     '2021-06-01 00:00:00.000001+00', '1 year 2 mons 3 days 04:05:06.7', NULL, '192.168.0.0/16',
     '(,10]', E'line one\nline two'),
    (4, 'team', 'paid', 99.99, 'NaN', '{"{}"}', '{"nested": {"k": "v\u00e9"}}', '"text"', '\x00',
     'infinity', '00:00:00.5', '00000000-0000-0000-0000-000000000000', '2001:db8::/32', '[3,4]',
     E'tab\there é ✓ ''q''');
INSERT INTO plan_features VALUES (1, 'api', 200), (4, 'sso', NULL), (2, 'api', 9223372036854775807);
INSERT INTO categories VALUES ('root', NULL, 'Root'), ('a', 'root', 'A, changed'),
    ('b', 'a', E'B\\n'), ('c', 'b', 'C');
