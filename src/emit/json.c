#include "emit/json.h"
#include "diff/rename.h"

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

json_t *json_renames(const pa_rename_list *renames)
{
    json_t *list = json_array();
    strbuf old = STRBUF_INIT;
    for (size_t i = 0; renames && i < renames->count; i++) {
        const pa_rename *r = &renames->items[i];
        sb_reset(&old);
        rename_old_name(&old, r);
        json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:o}", "kind", rename_kind_name(r),
                                              "old", sb_str(&old), "new", r->new_name,
                                              "evidence", r->evidence ? json_string(r->evidence)
                                                                      : json_null()));
    }
    sb_release(&old);
    return list;
}
