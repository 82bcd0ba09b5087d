CREATE TYPE mood AS ENUM ('calm', 'busy');
CREATE TABLE people (id int PRIMARY KEY, m mood, since date);
