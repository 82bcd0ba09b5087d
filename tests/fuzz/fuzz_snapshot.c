/* The snapshot loader (src/source/snapshot.c) on any bytes: an error with
 * a message, or a model; never a crash or a leak. */
#include "fuzz_common.h"
#include "inspect/inspect.h"
#include "source/snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file(data, size, ".json");
    pa_filter filter;
    memset(&filter, 0, sizeof(filter));
    filter.privileges = size > 0 && data[0] & 1;
    pa_model m;
    strbuf err = STRBUF_INIT;
    bool ok = snapshot_load(path, &filter, &m, &err);
    if (!ok && err.len == 0)
        abort();    /* every failure says why */
    if (ok)
        model_free(&m);
    sb_release(&err);
    unlink(path);
    return 0;
}
