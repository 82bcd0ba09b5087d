create extension btree_gist;
create table rooms (id int, valid_at daterange, name text);
create table bookings (id int, room_id int, valid_at daterange);
