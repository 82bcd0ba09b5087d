create table bookings (id int primary key, room int, during tsrange);
