#define _XOPEN_SOURCE 700   /* realpath */
#include "util/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        len -= (size_t)n;
    }
    return true;
}

bool read_file(const char *path, strbuf *text, strbuf *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        sb_addf(err, "cannot read %s: %s", path, strerror(errno));
        return false;
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        sb_add(text, buf, n);
    int failed = ferror(f) ? errno : 0;
    fclose(f);
    if (failed) {
        sb_addf(err, "cannot read %s: %s", path, strerror(failed));
        return false;
    }
    sb_adds(text, "");
    return true;
}

/* Write data to target through a temporary file beside it and a rename;
 * path is the name the user gave, for messages. */
static bool replace_file(const char *target, const char *path, const char *data, size_t len,
                         strbuf *err)
{
    strbuf tmp = STRBUF_INIT;
    sb_addf(&tmp, "%s.tmp-XXXXXX", target);
    int fd = mkstemp(tmp.buf);
    if (fd < 0) {
        sb_addf(err, "cannot create %s: %s", tmp.buf, strerror(errno));
        sb_release(&tmp);
        return false;
    }
    /* mkstemp makes the file 0600; give it the mode a plain create would. */
    mode_t mask = umask(0);
    umask(mask);
    bool ok = fchmod(fd, 0666 & ~mask) == 0 && write_all(fd, data, len) &&
              fsync(fd) == 0;
    int saved = errno;
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp.buf, target) != 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        sb_addf(err, "cannot write %s: %s", path, strerror(saved ? saved : errno));
        unlink(tmp.buf);
    }
    sb_release(&tmp);
    return ok;
}

/* A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written as it
 * is: a rename would put a plain file in its place. */
static bool write_in_place(const char *path, const char *data, size_t len, strbuf *err)
{
    int fd = open(path, O_WRONLY);
    bool ok = fd >= 0 && write_all(fd, data, len);
    int saved = errno;
    if (fd >= 0)
        ok = close(fd) == 0 && ok;
    if (!ok)
        sb_addf(err, "cannot write %s: %s", path, strerror(saved ? saved : errno));
    return ok;
}

bool write_file_atomic(const char *path, const char *data, size_t len, strbuf *err)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_in_place(path, data, len, err);
    /* Through a symbolic link, the file it names is replaced, not the link. */
    char *resolved = realpath(path, NULL);
    bool ok = replace_file(resolved ? resolved : path, path, data, len, err);
    free(resolved);
    return ok;
}

/* The length of the UTF-8 sequence at p (of at most n bytes), or 0 when
 * it is not one: overlong forms, surrogates and code points past U+10FFFF
 * are not (RFC 3629). */
static size_t utf8_sequence(const unsigned char *p, size_t n)
{
    if (p[0] < 0x80)
        return p[0] != 0;
    size_t len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
    if (len == 0 || len > n || p[0] > 0xF4)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] > 0x9F) ||
        (p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] > 0x8F))
        return 0;
    return len;
}

bool text_is_utf8(const char *text, size_t len, size_t *offset)
{
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_sequence(p + i, len - i);
        if (n == 0) {
            *offset = i;
            return false;
        }
        i += n;
    }
    return true;
}
