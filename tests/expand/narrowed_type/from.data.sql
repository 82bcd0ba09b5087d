INSERT INTO items VALUES (1, 'short', 3);
