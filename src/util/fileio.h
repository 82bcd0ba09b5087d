/* File output that never leaves a half-written file behind. */
#ifndef PA_FILEIO_H
#define PA_FILEIO_H

#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* Write data to path via a temporary file in the same directory and a
 * rename, so readers see the old file or the whole new one (through a
 * symbolic link, the file it names). A device or a pipe (/dev/null, a
 * FIFO) is written in place. */
bool write_file_atomic(const char *path, const char *data, size_t len, strbuf *err);
/* Read a whole file into text (appended, NUL-terminated); false with err
 * set ("cannot read PATH: reason") on failure. */
bool read_file(const char *path, strbuf *text, strbuf *err);
/* Whether text is text: no NUL byte, and valid UTF-8 (what the server
 * takes). If not, *offset is where the first bad byte is. */
bool text_is_utf8(const char *text, size_t len, size_t *offset);
/* Write all of data to a file descriptor. */
bool write_all(int fd, const char *data, size_t len);

#endif
