/* output.c - the one way cefo opens an output file: in place or through a temporary and a rename. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/error.h"
#include "writers/fmt.h"

/* Symlinks followed before giving up, as the kernel's own limit (ELOOP). */
#define MAX_HOPS 40

struct cefo_output {
    char *path;     /* as given: every message names it */
    char *dest;     /* what is written or replaced: path, or its symlink's final target */
    char *tmp;      /* the temporary file beside dest; NULL when dest is written in place */
    int fd;         /* -1 until opened (in place: at the first cefo_output_stream) */
    FILE *fp;
    int finished;
    cefo_status finish_status;
    struct cefo_output *next; /* in the list of live temporaries */
};

/* Every live temporary of the process, so that a signal-handling thread can remove them. */
static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;
static cefo_output *live;
static int closed; /* set by cefo_output_remove_temporaries: the process is ending */

static void unlist(cefo_output *o)
{
    for (cefo_output **p = &live; *p; p = &(*p)->next) {
        if (*p == o) {
            *p = o->next;
            break;
        }
    }
}

/* A relative symlink target is relative to the folder of the link. */
static char *beside(const char *link, const char *target)
{
    const char *slash = strrchr(link, '/');
    size_t dn = target[0] == '/' || !slash ? 0 : (size_t)(slash - link) + 1;
    size_t tn = strlen(target);
    char *p = cefo__malloc(dn + tn + 1);
    if (p) {
        memcpy(p, link, dn);
        memcpy(p + dn, target, tn + 1);
    }
    return p;
}

/* The final target of `path` through symlinks (which need not exist), into *dest. */
static cefo_status resolve(const char *path, char **dest, cefo_error *err)
{
    char *p = cefo__strdup(path);
    for (int hops = 0; p; hops++) {
        struct stat sb;
        if (lstat(p, &sb) != 0 || !S_ISLNK(sb.st_mode)) {
            *dest = p;
            return CEFO_OK;
        }
        size_t cap = (size_t)sb.st_size + 2;
        char *target = hops < MAX_HOPS ? cefo__malloc(cap) : NULL;
        ssize_t n = target ? readlink(p, target, cap) : -1;
        if (hops >= MAX_HOPS || (target && (n < 0 || (size_t)n >= cap))) {
            cefo__free(target);
            cefo__free(p);
            return cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "cannot create: %s",
                               hops >= MAX_HOPS ? strerror(ELOOP) : "a symlink changed");
        }
        char *next = NULL;
        if (target) {
            target[n] = '\0';
            next = beside(p, target);
        }
        cefo__free(target);
        cefo__free(p);
        p = next;
    }
    return cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory");
}

/* The next of a sequence of unpredictable-enough suffixes; O_EXCL settles collisions. */
static void suffix(char *s)
{
    static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = (uint64_t)ts.tv_nsec * 6364136223846793005u ^ (uint64_t)ts.tv_sec
                 ^ (uint64_t)getpid() << 32 ^ (uint64_t)(uintptr_t)s;
    for (int i = 0; i < 6; i++) {
        x ^= x >> 29;
        x *= 0xbf58476d1ce4e5b9u;
        s[i] = set[x % (sizeof set - 1)];
    }
}

/*
 * The temporary file beside o->dest. open() with mode 0666 lets the kernel apply the umask
 * (mkstemp would make it 0600); a replaced file's mode and owner are then copied onto it.
 */
static cefo_status make_temp(cefo_output *o, const struct stat *old, cefo_error *err)
{
    size_t n = strlen(o->dest);
    o->tmp = cefo__malloc(n + 8);
    if (!o->tmp)
        return cefo__error(err, CEFO_ERR_NOMEM, o->path, 0, NULL, "out of memory");
    memcpy(o->tmp, o->dest, n);
    memcpy(o->tmp + n, ".XXXXXX", 8);
    int e = 0;
    pthread_mutex_lock(&live_lock);
    for (int tries = 0; !closed && o->fd < 0 && tries < 100; tries++) {
        suffix(o->tmp + n + 1);
        o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        e = errno;
        if (o->fd < 0 && e != EEXIST)
            break;
    }
    if (o->fd >= 0) {
        o->next = live;
        live = o;
    }
    pthread_mutex_unlock(&live_lock);
    if (o->fd < 0) {
        cefo__free(o->tmp);
        o->tmp = NULL;
        return cefo__error(err, CEFO_ERR_CREATE, o->path, 0, NULL, "cannot create: %s",
                           e ? strerror(e) : "the process is ending");
    }
    if (old) {
        /* Only root may give a file away: otherwise the new file is the writer's own. */
        if (fchown(o->fd, old->st_uid, old->st_gid) != 0 && errno != EPERM)
            return cefo__error(err, CEFO_ERR_CREATE, o->path, 0, NULL,
                               "cannot keep the owner: %s", strerror(errno));
        if (fchmod(o->fd, old->st_mode & 07777) != 0)
            return cefo__error(err, CEFO_ERR_CREATE, o->path, 0, NULL,
                               "cannot keep the mode: %s", strerror(errno));
    }
    return CEFO_OK;
}

cefo_status cefo_output_open(cefo_output **out, const char *path, cefo_error *err)
{
    if (!out || !path || !*path)
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "no output path");
    *out = NULL;
    cefo_output *o = cefo__calloc(1, sizeof *o);
    if (!o || !(o->path = cefo__strdup(path))) {
        cefo__free(o);
        return cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory");
    }
    o->fd = -1;
    struct stat sb;
    cefo_status st = resolve(path, &o->dest, err);
    if (st == CEFO_OK && stat(o->dest, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            st = cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "is a directory");
        else if (S_ISREG(sb.st_mode))
            st = make_temp(o, &sb, err);
        /* Anything else (FIFO, device, socket) is written in place, never replaced. */
    } else if (st == CEFO_OK && errno == ENOENT) {
        st = make_temp(o, NULL, err);
    } else if (st == CEFO_OK) {
        st = cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "cannot create: %s",
                         strerror(errno));
    }
    if (st != CEFO_OK) {
        cefo_output_discard(o);
        return st;
    }
    *out = o;
    return CEFO_OK;
}

cefo_status cefo_output_stream(cefo_output *o, FILE **fp, cefo_error *err)
{
    if (!o || !fp || o->finished)
        return cefo__error(err, CEFO_ERR_ARG, o ? o->path : NULL, 0, NULL, "no open output");
    if (!o->fp) {
        if (o->fd < 0 && (o->fd = open(o->dest, O_WRONLY | O_CLOEXEC)) < 0)
            return cefo__error(err, CEFO_ERR_CREATE, o->path, 0, NULL, "cannot open: %s",
                               strerror(errno));
        o->fp = fdopen(o->fd, "w");
        if (!o->fp)
            return cefo__error(err, CEFO_ERR_NOMEM, o->path, 0, NULL, "cannot open a stream");
    }
    *fp = o->fp;
    return CEFO_OK;
}

const char *cefo_output_file(const cefo_output *o)
{
    return !o ? NULL : o->tmp ? o->tmp : o->dest;
}

cefo_status cefo_output_finish(cefo_output *o, cefo_error *err)
{
    if (!o)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no open output");
    if (o->finished)
        return o->finish_status;
    cefo_status st = CEFO_OK;
    errno = 0;
    if (o->fp && (fflush(o->fp) != 0 || ferror(o->fp)))
        st = cefo__error(err, CEFO_ERR_IO, o->path, 0, NULL, "write failed: %s",
                         errno ? strerror(errno) : "stream error");
    /* Data on disk before the rename: a crash then leaves the old file or the new, whole. */
    if (st == CEFO_OK && o->tmp && fsync(o->fd) != 0)
        st = cefo__error(err, CEFO_ERR_IO, o->path, 0, NULL, "cannot sync: %s", strerror(errno));
    int closed_bad = o->fp ? fclose(o->fp) != 0 : o->fd >= 0 && close(o->fd) != 0;
    if (st == CEFO_OK && closed_bad)
        st = cefo__error(err, CEFO_ERR_IO, o->path, 0, NULL, "write failed: %s",
                         strerror(errno));
    o->fp = NULL;
    o->fd = -1;
    o->finished = 1;
    o->finish_status = st;
    return st;
}

static void release(cefo_output *o)
{
    cefo__free(o->tmp);
    cefo__free(o->dest);
    cefo__free(o->path);
    cefo__free(o);
}

cefo_status cefo_output_commit(cefo_output *o, cefo_error *err)
{
    if (!o)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no open output");
    cefo_status st = cefo_output_finish(o, err);
    if (o->tmp) {
        pthread_mutex_lock(&live_lock);
        if (st == CEFO_OK && closed)
            st = cefo__error(err, CEFO_ERR_IO, o->path, 0, NULL, "interrupted");
        if (st == CEFO_OK && rename(o->tmp, o->dest) != 0)
            st = cefo__error(err, CEFO_ERR_CREATE, o->path, 0, NULL,
                             "cannot rename into place: %s", strerror(errno));
        if (st != CEFO_OK)
            unlink(o->tmp);
        unlist(o);
        pthread_mutex_unlock(&live_lock);
    }
    release(o);
    return st;
}

void cefo_output_discard(cefo_output *o)
{
    if (!o)
        return;
    if (!o->finished) {
        if (o->fp)
            fclose(o->fp);
        else if (o->fd >= 0)
            close(o->fd);
    }
    if (o->tmp) {
        pthread_mutex_lock(&live_lock);
        unlink(o->tmp);
        unlist(o);
        pthread_mutex_unlock(&live_lock);
    }
    release(o);
}

void cefo_output_remove_temporaries(void)
{
    pthread_mutex_lock(&live_lock);
    closed = 1;
    for (cefo_output *o = live; o; o = o->next)
        unlink(o->tmp);
    pthread_mutex_unlock(&live_lock);
}

cefo_status cefo__write_atomic(cefo__writer write, const void *ctx, const char *path,
                               cefo_error *err)
{
    cefo_output *o;
    FILE *fp = NULL;
    cefo_status st = cefo_output_open(&o, path, err);
    if (st != CEFO_OK)
        return st;
    st = cefo_output_stream(o, &fp, err);
    if (st != CEFO_OK) {
        cefo_output_discard(o);
        return st;
    }
    if (cefo__write_run(write, ctx, fp)) {
        cefo_output_discard(o);
        return cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory while writing");
    }
    return cefo_output_commit(o, err);
}
