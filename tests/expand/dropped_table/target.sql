CREATE TABLE orders (id int PRIMARY KEY, placed_at timestamptz);
