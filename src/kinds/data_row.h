/* The attributes of a --data row (data_row.c), which inspect/data.c
 * reads. */
#ifndef PA_KINDS_DATA_ROW_H
#define PA_KINDS_DATA_ROW_H

enum {
    ROW_VALUES,
    ROW_KEY_COLUMNS,
    ROW_ALWAYS_IDENTITY,
    ROW_COLUMN_ORDER,
    ROW_SEQUENCE_COLUMNS,
    ROW_NATTRS
};

#endif
