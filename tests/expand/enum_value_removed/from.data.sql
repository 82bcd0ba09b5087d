INSERT INTO people VALUES (1, 'calm'), (2, 'busy');
