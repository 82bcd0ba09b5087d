create table tickets (id serial primary key, code bigserial, title text);
