create domain percent as numeric constraint percent_range check (value >= 0 and value <= 100);
create table scores (id int, score percent);
insert into scores values (1, 50), (2, 100);
