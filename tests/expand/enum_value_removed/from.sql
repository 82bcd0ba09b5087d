CREATE TYPE mood AS ENUM ('calm', 'busy', 'gone');
CREATE TABLE people (id int PRIMARY KEY, m mood);
