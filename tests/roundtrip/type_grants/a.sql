do $$ begin create role rt_type_reader; exception when duplicate_object or unique_violation then null; end $$;
CREATE TYPE pair AS (a int, b text);
CREATE TYPE other AS (rt_type_reader int, "PUBLIC" text);
CREATE TYPE color AS ENUM ('red');
CREATE DOMAIN posint AS int CHECK (VALUE > 0);
CREATE TYPE span AS RANGE (subtype = int4);
CREATE TABLE usepair (p pair, c color, d posint);
GRANT USAGE ON TYPE other TO rt_type_reader;
