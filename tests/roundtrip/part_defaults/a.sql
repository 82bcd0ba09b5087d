CREATE TABLE m (id int, region text DEFAULT 'eu', v int DEFAULT 0) PARTITION BY LIST (region);
CREATE TABLE m_eu PARTITION OF m (v DEFAULT 5) FOR VALUES IN ('eu');
CREATE TABLE m_us PARTITION OF m (region DEFAULT 'us') FOR VALUES IN ('us');
CREATE TABLE s (id int, at date DEFAULT current_date, note text DEFAULT 'n') PARTITION BY RANGE (at);
CREATE TABLE s_2025 PARTITION OF s FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE base (id int, flag boolean DEFAULT false);
CREATE TABLE derived (extra int) INHERITS (base);
ALTER TABLE derived ALTER COLUMN flag SET DEFAULT true;
