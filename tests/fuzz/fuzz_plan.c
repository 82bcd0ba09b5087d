/* The plan loader (src/cmd/plan_file.c): JSON plans, and SQL plans
 * through the statement splitter, on any bytes. */
#include "fuzz_common.h"
#include "cmd/plan_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bool json = size > 0 && data[0] == '{';
    const char *path = fuzz_file(data, size, json ? ".json" : ".sql");
    pa_plan_file pf;
    strbuf err = STRBUF_INIT;
    bool ok = plan_file_load(path, &pf, &err);
    if (!ok && err.len == 0)
        abort();
    if (ok)
        plan_file_free(&pf);
    sb_release(&err);
    unlink(path);
    return 0;
}
