INSERT INTO people VALUES (1, 'calm', NULL);
