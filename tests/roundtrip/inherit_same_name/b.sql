CREATE TABLE keep (id int);
CREATE SCHEMA a2;
CREATE TABLE public.t (id int, note text);
CREATE TABLE a2.t (note text, extra int) INHERITS (public.t);
