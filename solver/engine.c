/* engine.c - an external solver program run without a shell, its files in a private folder. */
#include "solver/engine.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/error.h"

extern char **environ;

/* Every file an engine run creates in its folder: what a signal handler removes. */
static const char *const run_files[] = {"model.mps", "status.txt", "sol.bin", "log.txt"};

/*
 * The folders (and children) alive now, for cefo_engines_abort. A slot is 0 free, 1 being
 * filled, 2 ready; a handler only reads ready slots, and only async-signal-safe calls.
 */
#define SLOTS 64
static struct {
    atomic_int state;
    atomic_int pid;
    char path[1024];
} slots[SLOTS];

/* dst = a "/" b, without snprintf (not async-signal-safe). */
static void join(char *dst, size_t n, const char *a, const char *b)
{
    size_t k = 0;
    for (; *a && k + 1 < n; a++)
        dst[k++] = *a;
    if (k + 1 < n)
        dst[k++] = '/';
    for (; *b && k + 1 < n; b++)
        dst[k++] = *b;
    dst[k] = '\0';
}

void cefo_engines_abort(void)
{
    int saved = errno;
    for (int s = 0; s < SLOTS; s++) {
        if (atomic_load(&slots[s].state) != 2)
            continue;
        pid_t pid = (pid_t)atomic_exchange(&slots[s].pid, 0);
        if (pid > 0) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0); /* dead before its files are removed */
        }
        char f[sizeof slots[s].path + 32];
        for (size_t k = 0; k < sizeof run_files / sizeof *run_files; k++) {
            join(f, sizeof f, slots[s].path, run_files[k]);
            unlink(f);
        }
        rmdir(slots[s].path);
    }
    errno = saved;
}

static int slot_claim(const char *path)
{
    for (int s = 0; s < SLOTS; s++) {
        int free_state = 0;
        if (atomic_compare_exchange_strong(&slots[s].state, &free_state, 1)) {
            snprintf(slots[s].path, sizeof slots[s].path, "%s", path);
            atomic_store(&slots[s].pid, 0);
            atomic_store(&slots[s].state, 2);
            return s;
        }
    }
    return -1; /* all taken: the run goes on, only without clean-up on a signal */
}

cefo_status cefo__engine_dir_make(cefo__engine_dir *dir, cefo_error *err)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp || strlen(tmp) > 900)
        tmp = "/tmp";
    dir->slot = -1;
    snprintf(dir->path, sizeof dir->path, "%s/cefo-XXXXXX", tmp);
    if (!mkdtemp(dir->path)) {
        int e = errno;
        cefo_status st = cefo__error(err, CEFO_ERR_CREATE, dir->path, 0, NULL,
                                     "cannot create a temporary folder for the solver: %s",
                                     strerror(e));
        dir->path[0] = '\0';
        return st;
    }
    dir->slot = slot_claim(dir->path);
    return CEFO_OK;
}

const char *cefo__engine_file(const cefo__engine_dir *dir, const char *file, char *buf,
                              size_t n)
{
    snprintf(buf, n, "%s/%s", dir->path, file);
    return buf;
}

void cefo__engine_dir_remove(cefo__engine_dir *dir)
{
    if (!dir->path[0])
        return;
    DIR *d = opendir(dir->path);
    struct dirent *e;
    char f[sizeof dir->path + 300];
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        unlink(cefo__engine_file(dir, e->d_name, f, sizeof f));
    }
    if (d)
        closedir(d);
    rmdir(dir->path);
    if (dir->slot >= 0)
        atomic_store(&slots[dir->slot].state, 0);
    dir->path[0] = '\0';
    dir->slot = -1;
}

static cefo_status spawn(cefo__engine_dir *dir, char *const argv[], const char *package,
                         pid_t *pid, cefo_error *err)
{
    char log[sizeof dir->path + 16];
    cefo__engine_file(dir, "log.txt", log, sizeof log);
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    sigset_t none, dfl;
    sigemptyset(&none);
    sigemptyset(&dfl);
    sigaddset(&dfl, SIGINT);
    sigaddset(&dfl, SIGTERM);
    sigaddset(&dfl, SIGHUP);
    sigaddset(&dfl, SIGPIPE);
    int r = posix_spawn_file_actions_init(&fa);
    if (r == 0 && (r = posix_spawnattr_init(&at)) != 0)
        posix_spawn_file_actions_destroy(&fa);
    if (r != 0)
        return cefo__error(err, CEFO_ERR_SOLVER, NULL, 0, NULL, "cannot start %s: %s", argv[0],
                           strerror(r));
    /* Nothing of the engine reaches cefo's own output; the child starts with default
     * signal handling and nothing blocked, whatever cefo holds at the moment. */
    r = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (r == 0)
        r = posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (r == 0)
        r = posix_spawn_file_actions_adddup2(&fa, 1, 2);
    if (r == 0)
        r = posix_spawnattr_setsigmask(&at, &none);
    if (r == 0)
        r = posix_spawnattr_setsigdefault(&at, &dfl);
    if (r == 0)
        r = posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    if (r == 0)
        r = posix_spawnp(pid, argv[0], &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (r == ENOENT)
        return cefo__error(err, CEFO_ERR_UNAVAILABLE, NULL, 0, NULL,
                           "the solver program '%s' is not installed (Debian: apt-get install "
                           "%s)", argv[0], package);
    if (r != 0)
        return cefo__error(err, CEFO_ERR_SOLVER, NULL, 0, NULL, "cannot start %s: %s", argv[0],
                           strerror(r));
    return CEFO_OK;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Waits for the child; past `kill_after` seconds (> 0) it is killed. */
static int wait_child(pid_t pid, double kill_after, int *wstatus)
{
    if (!(kill_after > 0)) {
        pid_t r;
        while ((r = waitpid(pid, wstatus, 0)) < 0 && errno == EINTR)
            ;
        return r == pid ? 0 : -1;
    }
    double t0 = now();
    long step = 1000000; /* ns: 1 ms, growing to 20 ms */
    for (;;) {
        pid_t r = waitpid(pid, wstatus, WNOHANG);
        if (r == pid)
            return 0;
        if (r < 0 && errno != EINTR)
            return -1;
        if (now() - t0 > kill_after)
            kill(pid, SIGKILL);
        struct timespec ts = {0, step};
        nanosleep(&ts, NULL);
        if (step < 20000000)
            step *= 2;
    }
}

cefo_status cefo__engine_run(cefo__engine_dir *dir, char *const argv[], const char *package,
                             double kill_after, int *exit_status, cefo_error *err)
{
    pid_t pid;
    cefo_status st = spawn(dir, argv, package, &pid, err);
    if (st != CEFO_OK)
        return st;
    if (dir->slot >= 0)
        atomic_store(&slots[dir->slot].pid, (int)pid);
    int ws = 0, r = wait_child(pid, kill_after, &ws);
    /* A signal handler may have reaped the child meanwhile: then it owns the clean-up. */
    if (dir->slot >= 0)
        atomic_store(&slots[dir->slot].pid, 0);
    if (r != 0)
        return cefo__error(err, CEFO_ERR_SOLVER, NULL, 0, NULL, "cannot wait for %s: %s",
                           argv[0], strerror(errno));
    *exit_status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + (WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
    return CEFO_OK;
}

cefo_status cefo__engine_keep_log(const cefo__engine_dir *dir, const char *path, cefo_error *err)
{
    char log[sizeof dir->path + 16];
    FILE *in = fopen(cefo__engine_file(dir, "log.txt", log, sizeof log), "rb");
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
    FILE *out = fd >= 0 ? fdopen(fd, "ab") : NULL;
    cefo_status st = CEFO_OK;
    if (!out) {
        st = cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "cannot write the solver log: %s",
                         strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    char buf[8192];
    size_t n;
    while (st == CEFO_OK && in && (n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            st = cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "cannot write the solver log");
    if (out && fclose(out) != 0 && st == CEFO_OK)
        st = cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "cannot write the solver log");
    if (in)
        fclose(in);
    return st;
}
