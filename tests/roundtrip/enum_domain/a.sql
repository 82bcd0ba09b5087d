CREATE TYPE status AS ENUM ('new', 'done');
CREATE TABLE task (id int PRIMARY KEY, s status NOT NULL DEFAULT 'new', t text);
