create type mood as enum ('sad', 'ok', 'happy');
create table people (id int primary key, mood mood default 'ok', moods mood[]);
create index people_mood on people (mood);
