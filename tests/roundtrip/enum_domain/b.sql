CREATE DOMAIN status_text AS text CHECK (VALUE IN ('new', 'done', 'gone'));
CREATE TYPE status AS ENUM ('new', 'done');
CREATE TABLE task (id int PRIMARY KEY, s status_text NOT NULL DEFAULT 'new', t status);
