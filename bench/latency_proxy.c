/*
 * latency_proxy: a loopback TCP proxy that delays every packet, to measure
 * how many network round trips a client needs (a test tool for bench/, not
 * part of pgalign).
 *
 *   latency_proxy LISTEN_PORT UPSTREAM RTT_MS
 *
 * Listens on 127.0.0.1:LISTEN_PORT; each accepted connection is joined to
 * UPSTREAM (a unix socket path, as a throwaway cluster has, or HOST:PORT).
 * Whatever one side sends reaches the other RTT_MS/2 later, so a request
 * and its answer cost RTT_MS. Bandwidth is not limited. Runs until killed.
 *
 * One thread and poll(): each direction of each connection is a FIFO of
 * chunks stamped with the time they may go out.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define MAX_PAIRS 64
#define CHUNK_SIZE 65536

struct chunk {
    struct chunk *next;
    long long due_us;   /* when it may be written */
    size_t len, off;
    char data[];
};

/* One direction: bytes read from `from` wait in the queue for `to`. */
struct lane {
    int from, to;
    struct chunk *head, *tail;
    int eof;            /* `from` closed: close `to` once the queue drains */
};

struct pair {
    int used;
    struct lane up, down;   /* client -> server, server -> client */
};

static struct pair pairs[MAX_PAIRS];
static long long one_way_us;

static long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void die(const char *what)
{
    perror(what);
    exit(1);
}

static void set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
        die("fcntl");
}

static int listen_on(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((unsigned short) port) };
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0)
        die("socket");
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(fd, 16) < 0)
        die("bind/listen");
    set_nonblocking(fd);
    return fd;
}

/* UPSTREAM is a unix socket path (starts with '/') or HOST:PORT. */
static int connect_upstream(const char *upstream)
{
    int fd;
    if (upstream[0] == '/') {
        struct sockaddr_un addr = { .sun_family = AF_UNIX };
        if (strlen(upstream) >= sizeof addr.sun_path)
            return -1;
        strcpy(addr.sun_path, upstream);
        fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (fd >= 0 && connect(fd, (struct sockaddr *) &addr, sizeof addr) < 0) {
            close(fd);
            fd = -1;
        }
    } else {
        char host[256];
        const char *colon = strrchr(upstream, ':');
        struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res;
        if (!colon || (size_t) (colon - upstream) >= sizeof host)
            return -1;
        memcpy(host, upstream, (size_t) (colon - upstream));
        host[colon - upstream] = '\0';
        if (getaddrinfo(host, colon + 1, &hints, &res) != 0)
            return -1;
        fd = socket(res->ai_family, SOCK_STREAM, 0);
        if (fd >= 0 && connect(fd, res->ai_addr, res->ai_addrlen) < 0) {
            close(fd);
            fd = -1;
        }
        if (fd >= 0) {
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        }
        freeaddrinfo(res);
    }
    return fd;
}

static void accept_client(int listener, const char *upstream)
{
    int client = accept(listener, NULL, NULL), server, one = 1;
    if (client < 0)
        return;
    server = connect_upstream(upstream);
    for (int i = 0; i < MAX_PAIRS && server >= 0; i++) {
        if (pairs[i].used)
            continue;
        setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        set_nonblocking(client);
        set_nonblocking(server);
        pairs[i] = (struct pair) { .used = 1,
            .up = { .from = client, .to = server }, .down = { .from = server, .to = client } };
        return;
    }
    fprintf(stderr, "latency_proxy: cannot join a connection to %s\n", upstream);
    close(client);
    if (server >= 0)
        close(server);
}

static void lane_read(struct lane *lane)
{
    static char buf[CHUNK_SIZE];
    ssize_t n = read(lane->from, buf, sizeof buf);
    if (n <= 0) {
        if (n == 0 || (errno != EAGAIN && errno != EINTR))
            lane->eof = 1;
        return;
    }
    struct chunk *c = malloc(sizeof *c + (size_t) n);
    if (!c)
        die("malloc");
    *c = (struct chunk) { .due_us = now_us() + one_way_us, .len = (size_t) n };
    memcpy(c->data, buf, (size_t) n);
    if (lane->tail)
        lane->tail->next = c;
    else
        lane->head = c;
    lane->tail = c;
}

/* Write every chunk that is due; false when the peer has gone. */
static int lane_write(struct lane *lane, long long now)
{
    while (lane->head && lane->head->due_us <= now) {
        struct chunk *c = lane->head;
        ssize_t n = write(lane->to, c->data + c->off, c->len - c->off);
        if (n < 0)
            return errno == EAGAIN || errno == EINTR;
        c->off += (size_t) n;
        if (c->off < c->len)
            return 1;
        lane->head = c->next;
        if (!lane->head)
            lane->tail = NULL;
        free(c);
    }
    return 1;
}

static void lane_free(struct lane *lane)
{
    while (lane->head) {
        struct chunk *next = lane->head->next;
        free(lane->head);
        lane->head = next;
    }
}

static void pair_close(struct pair *p)
{
    lane_free(&p->up);
    lane_free(&p->down);
    close(p->up.from);
    close(p->down.from);
    p->used = 0;
}

/* Milliseconds until the next chunk is due (-1: none waits). */
static int next_timeout(long long now)
{
    long long next = -1;
    for (int i = 0; i < MAX_PAIRS; i++) {
        struct lane *lanes[2] = { &pairs[i].up, &pairs[i].down };
        if (!pairs[i].used)
            continue;
        for (int l = 0; l < 2; l++)
            if (lanes[l]->head && (next < 0 || lanes[l]->head->due_us < next))
                next = lanes[l]->head->due_us;
    }
    if (next < 0)
        return -1;
    return next <= now ? 0 : (int) ((next - now + 999) / 1000);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: latency_proxy LISTEN_PORT UPSTREAM RTT_MS\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    int listener = listen_on(atoi(argv[1]));
    one_way_us = atoll(argv[3]) * 1000 / 2;

    for (;;) {
        struct pollfd fds[1 + 2 * MAX_PAIRS];
        int nfds = 1;
        fds[0] = (struct pollfd) { .fd = listener, .events = POLLIN };
        for (int i = 0; i < MAX_PAIRS; i++) {
            struct pair *p = &pairs[i];
            if (!p->used)
                continue;
            fds[nfds++] = (struct pollfd) { .fd = p->up.from,
                .events = (short) ((p->up.eof ? 0 : POLLIN) | (p->down.head ? POLLOUT : 0)) };
            fds[nfds++] = (struct pollfd) { .fd = p->down.from,
                .events = (short) ((p->down.eof ? 0 : POLLIN) | (p->up.head ? POLLOUT : 0)) };
        }
        if (poll(fds, (nfds_t) nfds, next_timeout(now_us())) < 0 && errno != EINTR)
            die("poll");
        if (fds[0].revents & POLLIN)
            accept_client(listener, argv[2]);

        long long now = now_us();
        for (int i = 0; i < MAX_PAIRS; i++) {
            struct pair *p = &pairs[i];
            if (!p->used)
                continue;
            if (!p->up.eof)
                lane_read(&p->up);
            if (!p->down.eof)
                lane_read(&p->down);
            int alive = lane_write(&p->up, now) && lane_write(&p->down, now);
            /* A side that closed is passed on once what it sent is delivered. */
            if (!alive || ((p->up.eof || p->down.eof) && !p->up.head && !p->down.head))
                pair_close(p);
        }
    }
}
