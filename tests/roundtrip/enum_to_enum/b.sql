CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE feeling AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
CREATE TABLE person (id int PRIMARY KEY, m feeling DEFAULT 'happy', n feeling NOT NULL DEFAULT 'sad');
CREATE TABLE history (id int, moods feeling[] DEFAULT '{ok,ecstatic}', one mood);
