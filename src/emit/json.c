#include "emit/json.h"

#include <stdlib.h>

void emit_json(strbuf *out, json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(1) | JSON_SORT_KEYS);
    if (text) {
        sb_adds(out, text);
        sb_addc(out, '\n');
        free(text);
    }
    json_decref(root);
}
