INSERT INTO customers VALUES (1, 'a@example.com'); INSERT INTO orders VALUES (1, 1, 5);
