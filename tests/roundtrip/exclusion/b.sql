create extension btree_gist;
create table bookings (id int primary key, room int, during tsrange,
    constraint no_overlap exclude using gist (room with =, during with &&));
create table slots (s tsrange, exclude using gist (s with &&) where (not isempty(s)));
