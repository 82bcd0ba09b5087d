create type mood as enum ('sad', 'ok', 'happy', 'ecstatic');
create table people (id int primary key, mood mood default 'ok', moods mood[]);
create index people_mood on people (mood);
insert into people values (1, 'sad', '{happy,ok}'), (2, 'happy', null);
