INSERT INTO people VALUES (1, 'Ann'), (2, NULL);
