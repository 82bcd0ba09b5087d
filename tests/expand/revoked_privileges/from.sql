DO $$BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'exp_reader') THEN
        CREATE ROLE exp_reader;
    END IF;
END$$;
CREATE TABLE notes (id int PRIMARY KEY, body text);
GRANT SELECT, INSERT ON notes TO exp_reader;
