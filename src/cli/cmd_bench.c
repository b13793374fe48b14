/*
 * cmd_bench.c -- `trident bench [options] prog.py [args] [-n N]`: runs one program in every
 * trident mode (bench_modes.def), under CPython (/usr/bin/python3) and PyPy (when installed),
 * checks that each prints what CPython prints, and shows the best wall time of N runs, the ratio
 * against CPython and the peak memory (max RSS of the child, from wait4) of each.
 */
#include "cli/cli.h"
#include "common/strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CPYTHON_PATH "/usr/bin/python3" /* Debian's, not a wrapper that may come first on PATH */
#define MAX_RUNNERS 16
#define MAX_ARGV 64

typedef enum { RS_OK, RS_FAILS, RS_WRONG, RS_TIMEOUT, RS_MISSING } RunStatus;

static const char *const status_names[] = {"ok", "fails", "wrong", "timeout", "missing"};

/* One line of the table: a command line and what its runs gave. */
typedef struct Runner {
    const char *label;
    const char *argv[MAX_ARGV]; /* NULL-terminated */
    bool check;                 /* stdout must equal CPython's */
    bool is_cpython;
    RunStatus status;
    int runs;         /* completed runs */
    double best;      /* seconds, best of the runs */
    long maxrss_kb;   /* the largest of the runs */
    StrBuf out;       /* stdout of the first run */
    char detail[256]; /* why it failed, one line */
} Runner;

typedef struct Options {
    int n;          /* runs per mode */
    double timeout; /* seconds per run; 0: none */
    bool tsv;       /* machine-readable lines instead of the table (bench/run.sh) */
    bool progress;
} Options;

static Runner runners[MAX_RUNNERS];
static int nrunners;

static const char bench_usage[] =
    "usage: trident bench [-n N] [-t SECONDS] [-x LABEL=CMD] [-X LABEL=CMD] [--tsv] [-q]\n"
    "                     FILE [arg ...] [-n N]\n"
    "Runs FILE in every trident mode, with python3 and with pypy3 (when installed); checks that\n"
    "each prints what CPython prints; shows the best time of N runs (default 3), the ratio\n"
    "against CPython and the peak memory.\n"
    "  -n N            runs per mode (also accepted as the last two arguments)\n"
    "  -t SECONDS      stop a run after this long and report a timeout\n"
    "  -x LABEL=CMD    also time CMD FILE-args... (e.g. a C version: -x 'C -O2=./nbody'; the\n"
    "                  words of CMD come first, the program's args after); output is checked\n"
    "  -X LABEL=CMD    also time CMD as it is, output not checked (e.g. -X 'python3 -c pass=\n"
    "                  /usr/bin/python3 -c pass')\n"
    "  --tsv           print label, status, best seconds, max RSS kB, detail (tab-separated)\n"
    "  -q              no progress line (there is none either when stderr is not a terminal)\n";

static int bench_usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "trident bench: ");
    fprintf(stderr, msg, arg);
    fprintf(stderr, "\nusage: trident bench [options] FILE [arg ...] [-n N]\n"
                    "Try `trident bench -h' for more information.\n");
    return CLI_USAGE;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* --- Building the list of runners --------------------------------------------------------- */

static Runner *runner_new(const char *label)
{
    Runner *r = &runners[nrunners++];
    memset(r, 0, sizeof *r);
    r->label = label;
    r->check = true;
    sb_init(&r->out);
    return r;
}

/* Appends prog and its args to r->argv after the n words already there. */
static void runner_set_prog(Runner *r, int n, int argc, char **argv)
{
    for (int i = 0; i < argc && n < MAX_ARGV - 1; i++)
        r->argv[n++] = argv[i];
    r->argv[n] = NULL;
}

/* A program found on PATH (or as given when it holds a '/'), or NULL. */
static const char *find_exe(const char *name)
{
    if (strchr(name, '/'))
        return access(name, X_OK) == 0 ? name : NULL;
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin";
    StrBuf sb;
    while (*path) {
        const char *end = strchr(path, ':');
        size_t n = end ? (size_t)(end - path) : strlen(path);
        sb_init(&sb);
        sb_append(&sb, path, n);
        sb_putc(&sb, '/');
        sb_puts(&sb, name);
        if (n && access(sb_cstr(&sb), X_OK) == 0)
            return sb_cstr(&sb);
        path += n + (end != NULL);
    }
    return NULL;
}

/* -x/-X LABEL=CMD: the words of CMD, split on blanks (no quoting: use a script for more). */
static int add_extra(const char *spec, bool with_prog, int argc, char **argv)
{
    const char *eq = strchr(spec, '=');
    if (!eq || eq == spec || !eq[1])
        return bench_usage_error("expected LABEL=CMD, got '%s'", spec);
    if (nrunners == MAX_RUNNERS)
        return bench_usage_error("too many modes at '%s'", spec);
    char *label = strndup(spec, (size_t)(eq - spec));
    char *cmd = strdup(eq + 1);
    Runner *r = runner_new(label);
    int n = 0;
    for (char *save = NULL, *w = strtok_r(cmd, " \t", &save); w && n < MAX_ARGV / 2;
         w = strtok_r(NULL, " \t", &save))
        r->argv[n++] = w;
    if (n == 0)
        return bench_usage_error("empty command in '%s'", spec);
    if (with_prog) /* the C references take the program's args, not the .py file */
        runner_set_prog(r, n, argc - 1, argv + 1);
    r->check = with_prog;
    if (!find_exe(r->argv[0])) {
        r->status = RS_MISSING;
        snprintf(r->detail, sizeof r->detail, "%s not found", r->argv[0]);
    }
    return CLI_OK;
}

typedef struct RunResult {
    int wstatus;
    bool timed_out;
    double secs;
    long maxrss_kb;
} RunResult;

static bool run_child(const char *const *argv, double timeout, StrBuf *out, StrBuf *err,
                      RunResult *res, char *detail, size_t dsize);

enum { BENCH_RUN, BENCH_AOT };

/* The folder of the executables built for BENCH_AOT rows (removed at the end). */
static char aot_dir[64];

/* BENCH_AOT: builds argv[0] into aot_dir; the runner then times the executable. */
static void setup_aot(Runner *r, const char *self, int argc, char **argv)
{
#ifdef __SANITIZE_ADDRESS__
    /* sanitizer builds cannot link static executables */
    r->status = RS_MISSING;
    snprintf(r->detail, sizeof r->detail, "not available in a sanitizer build");
    TR_UNUSED(self), TR_UNUSED(argc), TR_UNUSED(argv);
    return;
#endif
    if (!aot_dir[0]) {
        strcpy(aot_dir, "/tmp/trident-bench.XXXXXX");
        if (!mkdtemp(aot_dir)) {
            aot_dir[0] = 0;
            r->status = RS_FAILS;
            snprintf(r->detail, sizeof r->detail, "mkdtemp: %s", strerror(errno));
            return;
        }
    }
    char *exe = malloc(strlen(aot_dir) + 16);
    if (!exe)
        abort();
    sprintf(exe, "%s/prog%d", aot_dir, nrunners);
    const char *bargv[] = {self, "build", argv[0], "-o", exe, NULL};
    StrBuf out, err;
    sb_init(&out);
    sb_init(&err);
    RunResult res;
    if (!run_child(bargv, 120, &out, &err, &res, r->detail, sizeof r->detail) ||
        !WIFEXITED(res.wstatus) || WEXITSTATUS(res.wstatus) != 0) {
        r->status = RS_FAILS;
        const char *e = sb_cstr(&err);
        const char *nl = strchr(e, '\n');
        snprintf(r->detail, sizeof r->detail, "build failed: %.*s",
                 nl ? (int)(nl - e) : (int)strlen(e), e);
        return;
    }
    r->argv[0] = exe;
    runner_set_prog(r, 1, argc - 1, argv + 1);
}

static void add_standard_runners(const char *self, int argc, char **argv)
{
#define BENCH_MODE(label, how, args)                                                               \
    do {                                                                                           \
        Runner *r = runner_new(label);                                                             \
        if (how == BENCH_AOT) {                                                                    \
            setup_aot(r, self, argc, argv);                                                        \
            break;                                                                                 \
        }                                                                                          \
        int n = 0;                                                                                 \
        r->argv[n++] = self;                                                                       \
        char *words = strdup(args);                                                                \
        for (char *save = NULL, *w = strtok_r(words, " ", &save); w && n < MAX_ARGV / 2;           \
             w = strtok_r(NULL, " ", &save))                                                       \
            r->argv[n++] = w;                                                                      \
        runner_set_prog(r, n, argc, argv);                                                         \
    } while (0);
#include "cli/bench_modes.def"
#undef BENCH_MODE

    Runner *r = runner_new("CPython");
    r->is_cpython = true;
    r->check = false; /* it is the reference */
    r->argv[0] = CPYTHON_PATH;
    runner_set_prog(r, 1, argc, argv);
    if (access(CPYTHON_PATH, X_OK) != 0) {
        r->status = RS_MISSING;
        snprintf(r->detail, sizeof r->detail, "%s not found", CPYTHON_PATH);
    }

    const char *pypy = find_exe("pypy3");
    if (pypy) { /* a missing PyPy is not worth a line */
        r = runner_new("PyPy3");
        r->argv[0] = pypy;
        runner_set_prog(r, 1, argc, argv);
    }
}

/* --- Running a child ------------------------------------------------------------------------ */


/* Runs argv once with stdin from /dev/null, collecting stdout and stderr; false if it could not
   start at all (detail says why). */
static bool run_child(const char *const *argv, double timeout, StrBuf *out, StrBuf *err,
                      RunResult *res, char *detail, size_t dsize)
{
    int po[2], pe[2];
    if (pipe(po) < 0 || pipe(pe) < 0) {
        snprintf(detail, dsize, "pipe: %s", strerror(errno));
        return false;
    }
    fflush(NULL);
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(detail, dsize, "fork: %s", strerror(errno));
        return false;
    }
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0)
            dup2(devnull, 0);
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
        execvp(argv[0], (char *const *)argv);
        fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    StrBuf *bufs[2] = {out, err};
    int open_fds = 2;
    res->timed_out = false;
    char buf[65536];
    while (open_fds > 0) {
        int wait_ms = -1;
        if (timeout > 0) {
            double left = t0 + timeout - now();
            if (left <= 0) {
                kill(pid, SIGKILL);
                res->timed_out = true;
                break;
            }
            wait_ms = (int)(left * 1000) + 1;
        }
        int k = poll(fds, 2, wait_ms);
        if (k < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2 && k > 0; i++) {
            if (fds[i].fd < 0 || !fds[i].revents)
                continue;
            ssize_t got = read(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                sb_append(bufs[i], buf, (size_t)got);
            } else if (got == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            }
        }
    }
    struct rusage ru;
    while (wait4(pid, &res->wstatus, 0, &ru) < 0 && errno == EINTR)
        ;
    res->secs = now() - t0;
    res->maxrss_kb = ru.ru_maxrss; /* Linux: kilobytes */
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    return true;
}

/* The line of stderr that says what went wrong: the last non-blank one (after a traceback, the
   exception itself). */
static void error_line(StrBuf *err, char *dst, size_t dsize)
{
    const char *s = sb_cstr(err);
    size_t end = err->len;
    while (end > 0 && (s[end - 1] == '\n' || s[end - 1] == ' ' || s[end - 1] == '\r'))
        end--;
    size_t start = end;
    while (start > 0 && s[start - 1] != '\n')
        start--;
    if (end == start) {
        snprintf(dst, dsize, "no message");
        return;
    }
    snprintf(dst, dsize, "%.*s", (int)(end - start), s + start);
}

static void progress(const Options *o, const Runner *r, int run)
{
    if (!o->progress)
        return;
    fprintf(stderr, "\r\033[K[%d/%d] %s: run %d of %d...", (int)(r - runners) + 1, nrunners,
            r->label, run, o->n);
    fflush(stderr);
}

static void run_runner(Runner *r, const Options *o)
{
    if (r->status == RS_MISSING)
        return;
    for (int i = 0; i < o->n; i++) {
        progress(o, r, i + 1);
        StrBuf out, err;
        sb_init(&out);
        sb_init(&err);
        RunResult res;
        if (!run_child(r->argv, o->timeout, &out, &err, &res, r->detail, sizeof r->detail)) {
            r->status = RS_FAILS;
            return;
        }
        if (res.timed_out) {
            r->status = RS_TIMEOUT;
            snprintf(r->detail, sizeof r->detail, "timeout after %gs", o->timeout);
            return;
        }
        if (!WIFEXITED(res.wstatus) || WEXITSTATUS(res.wstatus) != 0) {
            char line[200];
            error_line(&err, line, sizeof line);
            r->status = RS_FAILS;
            if (WIFSIGNALED(res.wstatus))
                snprintf(r->detail, sizeof r->detail, "killed by signal %d (%s): %s",
                         WTERMSIG(res.wstatus), strsignal(WTERMSIG(res.wstatus)), line);
            else if (WEXITSTATUS(res.wstatus) == 127 && !strncmp(line, "cannot run", 10))
                snprintf(r->detail, sizeof r->detail, "%s", line), r->status = RS_MISSING;
            else
                snprintf(r->detail, sizeof r->detail, "exit %d: %s", WEXITSTATUS(res.wstatus),
                         line);
            return;
        }
        if (r->runs == 0)
            r->out = out;
        else if (out.len != r->out.len || memcmp(out.data, r->out.data, out.len) != 0) {
            r->status = RS_WRONG;
            snprintf(r->detail, sizeof r->detail, "output differs between its own runs");
            return;
        }
        if (r->runs == 0 || res.secs < r->best)
            r->best = res.secs;
        if (res.maxrss_kb > r->maxrss_kb)
            r->maxrss_kb = res.maxrss_kb;
        r->runs++;
    }
}

/* Says where r's output first differs from the reference's, as "line K: expected ..., got ...". */
static void describe_diff(Runner *r, StrBuf *want)
{
    const char *a = sb_cstr(want), *b = sb_cstr(&r->out);
    size_t i = 0, line = 1, bol = 0;
    while (i < want->len && i < r->out.len && a[i] == b[i]) {
        if (a[i] == '\n')
            line++, bol = i + 1;
        i++;
    }
    size_t ea = bol, eb = bol;
    while (ea < want->len && a[ea] != '\n')
        ea++;
    while (eb < r->out.len && b[eb] != '\n')
        eb++;
    if (bol >= want->len)
        snprintf(r->detail, sizeof r->detail, "line %zu: extra output '%.60s'", line, b + bol);
    else if (bol >= r->out.len)
        snprintf(r->detail, sizeof r->detail, "line %zu: output ends early, expected '%.60s'", line,
                 a + bol);
    else
        snprintf(r->detail, sizeof r->detail, "line %zu: expected '%.*s', got '%.*s'", line,
                 (int)(ea - bol > 80 ? 80 : ea - bol), a + bol,
                 (int)(eb - bol > 80 ? 80 : eb - bol), b + bol);
    for (char *p = r->detail; *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
}

/* --- The table ---------------------------------------------------------------------------- */

static void print_table(const Runner *ref, const char *prog)
{
    double base = ref && ref->status == RS_OK ? ref->best : 0;
    printf("%s\n", prog);
    printf("%-18s %10s %12s %10s %11s  %s\n", "mode", "best (s)", "time/CPython", "speed-up",
           "max RSS", "status");
    for (int i = 0; i < nrunners; i++) {
        const Runner *r = &runners[i];
        printf("%-18s ", r->label);
        if (r->status == RS_OK) {
            printf("%10.3f ", r->best);
            if (base > 0)
                printf("%12.2f %9.2fx ", r->best / base, base / r->best);
            else
                printf("%12s %10s ", "-", "-");
            printf("%8.1f MB  ok (%d run%s)\n", (double)r->maxrss_kb / 1024.0, r->runs,
                   r->runs == 1 ? "" : "s");
        } else {
            const char *what = r->status == RS_WRONG   ? "WRONG OUTPUT"
                               : r->status == RS_FAILS ? "fails"
                                                       : status_names[r->status];
            printf("%10s %12s %10s %11s  %s: %s\n", "-", "-", "-", "-", what, r->detail);
        }
    }
}

static void print_tsv(void)
{
    for (int i = 0; i < nrunners; i++) {
        const Runner *r = &runners[i];
        char detail[sizeof r->detail];
        snprintf(detail, sizeof detail, "%s", r->detail);
        for (char *p = detail; *p; p++)
            if (*p == '\t' || *p == '\n')
                *p = ' ';
        printf("%s\t%s\t%.6f\t%ld\t%s\n", r->label, status_names[r->status],
               r->status == RS_OK ? r->best : 0.0, r->status == RS_OK ? r->maxrss_kb : 0L, detail);
    }
}

/* --- The command ---------------------------------------------------------------------------- */

static bool parse_count(const char *s, int *n)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == 0 || *end || v < 1 || v > 1000)
        return false;
    *n = (int)v;
    return true;
}

int cli_cmd_bench(int argc, char **argv)
{
    /* the progress line is for a person watching: not in logs */
    Options o = {.n = 3, .timeout = 0, .tsv = false, .progress = isatty(2)};
    const char *extras[MAX_RUNNERS];
    bool extra_prog[MAX_RUNNERS];
    int nextras = 0, i = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(bench_usage, stdout);
            return CLI_OK;
        } else if (!strcmp(a, "--tsv")) {
            o.tsv = true;
        } else if (!strcmp(a, "-q")) {
            o.progress = false;
        } else if (!strcmp(a, "--")) {
            i++;
            break;
        } else if (i + 1 >= argc) {
            return bench_usage_error("option %s needs a value", a);
        } else if (!strcmp(a, "-n")) {
            if (!parse_count(argv[++i], &o.n))
                return bench_usage_error("-n wants a count from 1 to 1000, got '%s'", argv[i]);
        } else if (!strcmp(a, "-t")) {
            char *end;
            o.timeout = strtod(argv[++i], &end);
            if (*end || o.timeout <= 0)
                return bench_usage_error("-t wants seconds, got '%s'", argv[i]);
        } else if ((!strcmp(a, "-x") || !strcmp(a, "-X")) && nextras < MAX_RUNNERS / 2) {
            extra_prog[nextras] = a[1] == 'x';
            extras[nextras++] = argv[++i];
        } else {
            return bench_usage_error("unknown option %s", a);
        }
    }
    argc -= i, argv += i;
    if (argc < 1)
        return bench_usage_error("%s", "missing file name");
    /* `trident bench prog.py args -n 5`, as the issue writes it */
    if (argc >= 3 && !strcmp(argv[argc - 2], "-n") && parse_count(argv[argc - 1], &o.n))
        argc -= 2;
    if (access(argv[0], R_OK) != 0) {
        fprintf(stderr, "trident bench: can't open file '%s': [Errno %d] %s\n", argv[0], errno,
                strerror(errno));
        return CLI_USAGE;
    }

    static char self[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", self, sizeof self - 1);
    if (k <= 0) {
        fprintf(stderr, "trident bench: cannot find the trident executable\n");
        return CLI_ERROR;
    }
    self[k] = 0;
    nrunners = 0;
    add_standard_runners(self, argc, argv);
    for (int e = 0; e < nextras; e++)
        if (add_extra(extras[e], extra_prog[e], argc, argv) != CLI_OK)
            return CLI_USAGE;

    Runner *ref = NULL;
    for (int j = 0; j < nrunners; j++)
        if (runners[j].is_cpython)
            ref = &runners[j];
    for (int j = 0; j < nrunners; j++)
        run_runner(&runners[j], &o);
    if (o.progress)
        fprintf(stderr, "\r\033[K");

    int status = CLI_OK;
    for (int j = 0; j < nrunners; j++) {
        Runner *r = &runners[j];
        if (r->status != RS_OK || !r->check || !ref || ref->status != RS_OK)
            continue;
        if (r->out.len != ref->out.len || memcmp(r->out.data, ref->out.data, r->out.len) != 0) {
            r->status = RS_WRONG;
            describe_diff(r, &ref->out);
        }
    }
    for (int j = 0; j < nrunners; j++)
        if (runners[j].status == RS_WRONG || runners[j].status == RS_FAILS ||
            runners[j].status == RS_TIMEOUT)
            status = CLI_ERROR;
    if (o.tsv)
        print_tsv();
    else
        print_table(ref, argv[0]);
    if (!o.tsv && ref && ref->status != RS_OK)
        fprintf(stderr, "trident bench: CPython did not run (%s): outputs are not checked\n",
                ref->detail);
    if (aot_dir[0]) {
        for (int j = 0; j < nrunners; j++)
            if (runners[j].argv[0] && !strncmp(runners[j].argv[0], aot_dir, strlen(aot_dir)))
                unlink(runners[j].argv[0]);
        rmdir(aot_dir);
    }
    return status;
}
