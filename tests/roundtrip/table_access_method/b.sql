CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
CREATE TABLE archived (id int);
CREATE TABLE current (id int) USING heap2;
