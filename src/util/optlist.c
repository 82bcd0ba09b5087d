#include "util/optlist.h"
#include "util/sqlscan.h"

#include <string.h>

/* end, past a literal that starts at start, if its quote was closed
 * there; else start. */
static const char *closed(const char *start, const char *end)
{
    return end - start >= 2 && end[-1] == '\'' ? end : start;
}

bool optlist_next(const char **s, optlist_item *item)
{
    const char *at = *s;
    if (!at || !*at)
        return false;
    const char *end = sql_skip_name(at);
    if (end == at || *end != ' ')
        return false;
    item->name = at;
    item->name_len = (size_t)(end - at);
    at = end + 1;
    if (strncmp(at, OPTLIST_SECRET_PREFIX, strlen(OPTLIST_SECRET_PREFIX)) == 0)
        end = strchr(at, '>') ? strchr(at, '>') + 1 : at;
    else if (*at == '\'')
        end = closed(at, sql_skip_quoted(at, false));
    else if (*at == 'E' && at[1] == '\'')
        end = closed(at, sql_skip_quoted(at + 1, true));
    else if (strncmp(at, "NULL", 4) == 0)
        end = at + 4;
    else
        end = at;
    if (end == at || (*end && strncmp(end, ", ", 2) != 0))
        return false;
    item->value = at;
    item->value_len = (size_t)(end - at);
    *s = *end ? end + 2 : end;
    return true;
}

bool optlist_is_secret(const optlist_item *item)
{
    return strncmp(item->value, OPTLIST_SECRET_PREFIX, strlen(OPTLIST_SECRET_PREFIX)) == 0;
}

bool optlist_find(const char *list, const optlist_item *item, optlist_item *found)
{
    for (const char *s = list; optlist_next(&s, found);) {
        if (found->name_len == item->name_len &&
            strncmp(found->name, item->name, item->name_len) == 0)
            return true;
    }
    return false;
}

bool optlist_without_secrets(const char *list, strbuf *out)
{
    if (!list || !strstr(list, OPTLIST_SECRET_PREFIX))
        return false;
    strbuf kept = STRBUF_INIT;
    optlist_item item;
    const char *s = list;
    bool secrets = false;
    while (optlist_next(&s, &item)) {
        if (optlist_is_secret(&item)) {
            secrets = true;
            continue;
        }
        sb_addf(&kept, "%s%.*s %.*s", kept.len ? ", " : "", (int)item.name_len, item.name,
                (int)item.value_len, item.value);
    }
    bool ok = *s == '\0' && secrets;   /* the whole list was read */
    if (ok)
        sb_add(out, kept.buf ? kept.buf : "", kept.len);
    sb_release(&kept);
    return ok;
}
