CREATE DOMAIN code AS varchar(3) CHECK (VALUE IN ('aa', 'bb'));
CREATE TABLE o (id int, s varchar(10) CHECK (s IN ('a', 'b', 'c')), k character varying CHECK (k = ANY (ARRAY['x', 'y'])), c code);
ALTER TABLE o ADD CONSTRAINT o_mixed CHECK (s::text IN ('a', 'b') AND k IN ('q'::varchar, 'r'::text, 'it''s'));
CREATE INDEX o_s ON o (id) WHERE s IN ('a', 'b');
CREATE INDEX o_k ON o (id) WHERE k NOT IN ('x', 'z') AND s::text <> 'q';
CREATE VIEW o_ab AS SELECT id, s FROM o WHERE s IN ('a', 'b');
ALTER TABLE o ENABLE ROW LEVEL SECURITY;
CREATE POLICY o_only_ab ON o USING (s IN ('a', 'b')) WITH CHECK (k NOT IN ('bad', 'worse'));
CREATE FUNCTION o_check(v varchar) RETURNS boolean LANGUAGE sql AS $$ SELECT v IN ('a', 'b') $$;
