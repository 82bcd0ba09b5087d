create domain percent as numeric constraint percent_range check (value >= 0 and value <= 1000);
create table scores (id int, score percent);
