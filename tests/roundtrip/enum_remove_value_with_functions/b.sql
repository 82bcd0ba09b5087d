create type status as enum ('new', 'open', 'closed');
create table tickets (id int, s status default 'new');
create function is_open(s status) returns boolean language sql immutable as $$ select s = 'open' $$;
create view open_tickets as select id from tickets where is_open(s);
create function ticket_status(id int) returns status language sql as $$ select s from tickets where tickets.id = ticket_status.id $$;
