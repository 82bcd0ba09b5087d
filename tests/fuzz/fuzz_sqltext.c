/* SQL text as pgalign reads it: the plan splitter (apply/split.c) and the
 * extension rewrite of SQL sources (source/extskip.c), which must keep
 * the text's length and every newline where it was. */
#include "fuzz_common.h"
#include "apply/split.h"
#include "source/extskip.h"

static bool none_installed(const char *name, void *arg)
{
    (void)arg;
    return strcmp(name, "plpgsql") == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_string(data, size);
    pa_plan p;
    memset(&p, 0, sizeof(p));
    sql_split(text, &p);
    plan_free(&p);

    size_t len = strlen(text);
    char *copy = fuzz_string((const uint8_t *)text, len);
    pa_ext_list list = {0};
    extskip_rewrite(copy, none_installed, NULL, false, &list);
    if (strlen(copy) != len)
        abort();
    for (size_t i = 0; i < len; i++) {
        if ((text[i] == '\n') != (copy[i] == '\n'))
            abort();
    }
    char *names = extskip_describe(&list, false);
    free(names);
    extskip_free(&list);
    free(copy);
    free(text);
    return 0;
}
