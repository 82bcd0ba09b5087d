-- PostgreSQL 18: temporal primary keys and foreign keys.
create extension btree_gist;
create table rooms (
    id int, valid_at daterange, name text,
    constraint rooms_pk primary key (id, valid_at without overlaps)
);
create table bookings (
    id int, room_id int, valid_at daterange,
    constraint bookings_uq unique (id, valid_at without overlaps),
    constraint bookings_room_fk foreign key (room_id, period valid_at)
        references rooms (id, period valid_at)
);
