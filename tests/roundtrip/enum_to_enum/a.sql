CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE feeling AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
CREATE TABLE person (id int PRIMARY KEY, m mood DEFAULT 'ok', n mood NOT NULL DEFAULT 'sad');
INSERT INTO person VALUES (1, 'happy', 'ok');
CREATE TABLE history (id int, moods mood[] DEFAULT '{ok}', one feeling);
INSERT INTO history VALUES (1, '{sad,happy}', 'ok');
