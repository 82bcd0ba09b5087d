#!/usr/bin/env bash
# Generate a large schema for benchmarks: N tables in 10 schemas, each with
# an identity key, five columns, a check, a unique index, a comment and a
# foreign key to the previous table; plus an enum and a sequence per schema.
# With --changed, every 50th table differs (a column added, a type widened,
# an index changed), as a staging database that moved ahead would.
# Usage: gen_schema.sh N [--changed]
set -eu
n=${1:?usage: gen_schema.sh N [--changed]}
changed=${2:-}
awk -v n="$n" -v changed="$changed" 'BEGIN {
    for (s = 0; s < 10; s++) {
        printf "CREATE SCHEMA s%d;\n", s
        printf "CREATE TYPE s%d.status AS ENUM (%s);\n", s, \
            (changed ? "'\''new'\'', '\''active'\'', '\''paused'\'', '\''closed'\''" : "'\''new'\'', '\''active'\'', '\''closed'\''")
        printf "CREATE SEQUENCE s%d.ids;\n", s
    }
    for (i = 0; i < n; i++) {
        s = i % 10
        diff = changed && i % 50 == 0
        printf "CREATE TABLE s%d.t%d (\n", s, i
        printf "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
        printf "  name text NOT NULL,\n"
        printf "  amount %s,\n", (diff ? "bigint" : "integer")
        printf "  status s%d.status NOT NULL DEFAULT '\''new'\'',\n", s
        printf "  ref bigint DEFAULT nextval('\''s%d.ids'\''),\n", s
        printf "  created_at timestamptz NOT NULL DEFAULT now(),\n"
        if (diff) printf "  note text,\n"
        printf "  parent_id bigint CHECK (parent_id > 0)\n);\n"
        printf "CREATE UNIQUE INDEX t%d_name ON s%d.t%d (%s);\n", i, s, i, (diff ? "lower(name)" : "name")
        printf "COMMENT ON TABLE s%d.t%d IS '\''table %d'\'';\n", s, i, i
        if (i > 0)
            printf "ALTER TABLE s%d.t%d ADD FOREIGN KEY (parent_id) REFERENCES s%d.t%d (id);\n", s, i, (i - 1) % 10, i - 1
    }
}'
