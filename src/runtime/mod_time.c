/*
 * mod_time.c -- the time module: clocks (time, perf_counter, monotonic, process_time and their
 * _ns forms), sleep, and calendar conversions through struct_time (localtime, gmtime, mktime,
 * strftime, asctime, ctime), as CPython 3.11 on a POSIX system.
 */
#include "runtime/mod_util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* --- struct_time: a tuple of 9 ints with named fields (and tm_zone, tm_gmtoff) ------------- */

static const char *const st_fields[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                        "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};
#define ST_N 9

extern TrType tr_struct_time_type;

static TrValue st_repr(TrValue self)
{
    TrTuple *t = tr_as_tuple(self);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    tr_sbuild_ascii(&b, "time.struct_time(", 17);
    for (int i = 0; i < ST_N && i < t->len; i++) {
        TrValue r = tr_repr(t->items[i]);
        if (r == TR_ERR)
            return TR_ERR;
        if (i)
            tr_sbuild_ascii(&b, ", ", 2);
        tr_sbuild_ascii(&b, st_fields[i], strlen(st_fields[i]));
        tr_sbuild_char(&b, '=');
        tr_sbuild_str(&b, r);
    }
    tr_sbuild_char(&b, ')');
    return tr_sbuild_finish(&b);
}

static TrValue st_getattr(TrValue self, TrValue name)
{
    TrTuple *t = tr_as_tuple(self);
    for (int i = 0; i < ST_N; i++)
        if (tr_str_eq_cstr(name, st_fields[i]))
            return t->items[i];
    if (tr_str_eq_cstr(name, "tm_zone") || tr_str_eq_cstr(name, "tm_gmtoff")) {
        /* hidden items past the tuple's length (the memory holds ST_N + 2 items) */
        if (!t->items[ST_N] && !t->items[ST_N + 1])
            return TR_NONE;
        return t->items[ST_N + (tr_str_eq_cstr(name, "tm_zone") ? 0 : 1)];
    }
    return tr_generic_getattr(self, name);
}

/* A struct_time from 9 items plus tm_zone and tm_gmtoff (0 when unknown). */
static TrValue st_wrap(const TrValue *items)
{
    TrValue t = tr_tuple_from(items, ST_N + 2);
    tr_as_tuple(t)->len = ST_N;
    tr_obj(t)->type = &tr_struct_time_type;
    return t;
}

static TrValue st_make(const struct tm *tm, const char *zone, long gmtoff)
{
    TrValue items[ST_N + 2] = {
        tr_small_new(tm->tm_year + 1900), tr_small_new(tm->tm_mon + 1),
        tr_small_new(tm->tm_mday),        tr_small_new(tm->tm_hour),
        tr_small_new(tm->tm_min),         tr_small_new(tm->tm_sec),
        tr_small_new((tm->tm_wday + 6) % 7), tr_small_new(tm->tm_yday + 1),
        tr_small_new(tm->tm_isdst),
        zone ? tr_str_from_cstr(zone) : TR_NONE, tr_int_from_i64(gmtoff),
    };
    return st_wrap(items);
}

static TrValue st_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs("struct_time", kw) < 0 || tr_check_nargs("struct_time", nargs, 1, 2) < 0)
        return TR_ERR;
    TrValue seq = tr_tuple_from_iter(args[0]);
    if (seq == TR_ERR)
        return TR_ERR;
    int64_t n = tr_as_tuple(seq)->len;
    if (n < ST_N)
        return tr_raise(&tr_TypeError, "time.struct_time() takes an at least 9-sequence "
                                       "(%d-sequence given)", (int)n);
    if (n > 11)
        return tr_raise(&tr_TypeError, "time.struct_time() takes an at most 11-sequence "
                                       "(%d-sequence given)", (int)n);
    TrValue items[ST_N + 2] = {0};
    memcpy(items, tr_as_tuple(seq)->items, (size_t)n * sizeof(TrValue));
    return st_wrap(items);
}

TrType tr_struct_time_type = {
    .ob = {&tr_type_type}, .name = "struct_time", .base = &tr_tuple_type,
    .flags = TR_TYPE_TUPLE_SUB, .repr = st_repr, .getattr = st_getattr, .new = st_new,
};

/* A struct_time or 9-tuple argument as struct tm (CPython's checks and messages). */
static int tm_from_arg(const char *fname, TrValue v, struct tm *tm)
{
    if (!tr_is_tuple(v))
        return tr_raise(&tr_TypeError, "Tuple or struct_time argument required"), -1;
    TrTuple *t = tr_as_tuple(v);
    if (t->len != ST_N)
        return tr_raise(&tr_TypeError, "%s(): illegal time tuple argument", fname), -1;
    int64_t f[ST_N];
    for (int i = 0; i < ST_N; i++) {
        if (!tr_is_int(t->items[i]))
            return tr_raise(&tr_TypeError, "'%s' object cannot be interpreted as an integer",
                            tr_type_name(t->items[i])), -1;
        if (tr_int_to_i64(t->items[i], &f[i]) < 0)
            return -1;
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(f[0] - 1900);
    tm->tm_mon = (int)f[1] - 1;
    tm->tm_mday = (int)f[2];
    tm->tm_hour = (int)f[3];
    tm->tm_min = (int)f[4];
    tm->tm_sec = (int)f[5];
    tm->tm_wday = (int)((f[6] + 1) % 7);
    tm->tm_yday = (int)f[7] - 1;
    tm->tm_isdst = (int)f[8];
    return 0;
}

/* The checks strftime and asctime make (CPython's checktm/gettmarg normalisation). */
static int check_tm(struct tm *tm)
{
    if (tm->tm_mon == -1)
        tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11)
        return tr_raise(&tr_ValueError, "month out of range"), -1;
    if (tm->tm_mday == 0)
        tm->tm_mday = 1;
    else if (tm->tm_mday < 0 || tm->tm_mday > 31)
        return tr_raise(&tr_ValueError, "day of month out of range"), -1;
    if (tm->tm_hour < 0 || tm->tm_hour > 23)
        return tr_raise(&tr_ValueError, "hour out of range"), -1;
    if (tm->tm_min < 0 || tm->tm_min > 59)
        return tr_raise(&tr_ValueError, "minute out of range"), -1;
    if (tm->tm_sec < 0 || tm->tm_sec > 61)
        return tr_raise(&tr_ValueError, "seconds out of range"), -1;
    if (tm->tm_wday < 0)
        return tr_raise(&tr_ValueError, "day of week out of range"), -1;
    if (tm->tm_yday == -1)
        tm->tm_yday = 0;
    else if (tm->tm_yday < 0 || tm->tm_yday > 365)
        return tr_raise(&tr_ValueError, "day of year out of range"), -1;
    if (tm->tm_isdst < -1)
        tm->tm_isdst = -1;
    else if (tm->tm_isdst > 1)
        tm->tm_isdst = 1;
    return 0;
}

/* --- Clocks ------------------------------------------------------------------------------ */

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

#define FN(name) static TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
#define CLOCK_FNS(pyname, id)                                                                  \
    FN(t_##pyname)                                                                             \
    {                                                                                          \
        if (tr_no_kwargs(#pyname, kw) < 0 || tr_check_nargs(#pyname, nargs, 0, 0) < 0)         \
            return TR_ERR;                                                                     \
        struct timespec ts;                                                                    \
        clock_gettime(id, &ts);                                                                \
        return tr_float_new((double)ts.tv_sec + ts.tv_nsec * 1e-9);                            \
    }                                                                                          \
    FN(t_##pyname##_ns)                                                                        \
    {                                                                                          \
        if (tr_no_kwargs(#pyname "_ns", kw) < 0 ||                                             \
            tr_check_nargs(#pyname "_ns", nargs, 0, 0) < 0)                                    \
            return TR_ERR;                                                                     \
        return tr_int_from_i64(clock_ns(id));                                                  \
    }
CLOCK_FNS(time, CLOCK_REALTIME)
CLOCK_FNS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FNS(monotonic, CLOCK_MONOTONIC)
CLOCK_FNS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FNS(thread_time, CLOCK_THREAD_CPUTIME_ID)

FN(t_sleep)
{
    if (tr_no_kwargs("sleep", kw) < 0 || tr_check_nargs("sleep", nargs, 1, 1) < 0)
        return TR_ERR;
    double secs;
    if (!tr_is_int(args[0]) && !tr_is_float(args[0]))
        return tr_raise(&tr_TypeError, "'%s' object cannot be interpreted as an integer",
                        tr_type_name(args[0]));
    if (tr_to_double(args[0], &secs) < 0)
        return TR_ERR;
    if (isnan(secs))
        return tr_raise(&tr_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0)
        return tr_raise(&tr_ValueError, "sleep length must be non-negative");
    tr_io_flush_std();
    struct timespec ts = {(time_t)secs, (long)((secs - floor(secs)) * 1e9)};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
    }
    return TR_NONE;
}

/* The seconds argument of localtime/gmtime/ctime: None or absent is now. */
static int seconds_arg(const char *fname, const TrValue *args, size_t nargs, time_t *out)
{
    if (tr_check_nargs(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 0 || args[0] == TR_NONE) {
        *out = time(NULL);
        return 0;
    }
    TrValue v = args[0];
    if (tr_is_float(v)) {
        double d = tr_float_val(v);
        if (isnan(d))
            return tr_raise(&tr_ValueError, "Invalid value NaN (not a number)"), -1;
        if (!isfinite(d) || fabs(d) > 9.2e18)
            return tr_raise(&tr_OverflowError, "timestamp out of range for platform time_t"),
                   -1;
        *out = (time_t)d; /* rounded toward -inf, as CPython does */
        if ((double)*out > d)
            (*out)--;
        return 0;
    }
    if (!tr_is_int(v))
        return tr_raise(&tr_TypeError, "'%s' object cannot be interpreted as an integer",
                        tr_type_name(v)), -1;
    int64_t x;
    if (tr_int_to_i64(v, &x) < 0)
        return -1;
    *out = (time_t)x;
    return 0;
}

static TrValue convert(const char *fname, const TrValue *args, size_t nargs, TrValue kw,
                       bool local)
{
    time_t t;
    if (tr_no_kwargs(fname, kw) < 0 || seconds_arg(fname, args, nargs, &t) < 0)
        return TR_ERR;
    struct tm tm;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm)))
        return tr_io_raise_errno(errno ? errno : EOVERFLOW, 0);
    return st_make(&tm, tm.tm_zone, tm.tm_gmtoff);
}

FN(t_localtime) { return convert("localtime", args, nargs, kw, true); }
FN(t_gmtime) { return convert("gmtime", args, nargs, kw, false); }

FN(t_mktime)
{
    struct tm tm;
    if (tr_no_kwargs("mktime", kw) < 0 || tr_check_nargs("mktime", nargs, 1, 1) < 0 ||
        tm_from_arg("mktime", args[0], &tm) < 0)
        return TR_ERR;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return tr_raise(&tr_OverflowError, "mktime argument out of range");
    return tr_float_new((double)t);
}

static TrValue asctime_of(const struct tm *tm)
{
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return tr_str_fmt("%s %s%3d %.2d:%.2d:%.2d %d", wday[tm->tm_wday % 7], mon[tm->tm_mon % 12],
                      tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
}

FN(t_asctime)
{
    struct tm tm;
    if (tr_no_kwargs("asctime", kw) < 0 || tr_check_nargs("asctime", nargs, 0, 1) < 0)
        return TR_ERR;
    if (nargs == 0) {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    } else if (tm_from_arg("asctime", args[0], &tm) < 0 || check_tm(&tm) < 0) {
        return TR_ERR;
    }
    return asctime_of(&tm);
}

FN(t_ctime)
{
    time_t t;
    if (tr_no_kwargs("ctime", kw) < 0 || seconds_arg("ctime", args, nargs, &t) < 0)
        return TR_ERR;
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return tr_raise(&tr_OverflowError, "timestamp out of range for platform time_t");
    return asctime_of(&tm);
}

FN(t_strftime)
{
    if (tr_no_kwargs("strftime", kw) < 0 || tr_check_nargs("strftime", nargs, 1, 2) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "strftime() argument 1 must be str, not %s",
                        tr_type_name(args[0]));
    struct tm tm;
    if (nargs == 1) {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    } else {
        if (tm_from_arg("strftime", args[1], &tm) < 0 || check_tm(&tm) < 0)
            return TR_ERR;
        /* tm_zone/tm_gmtoff: what localtime would give for that moment */
        struct tm probe = tm;
        time_t t = mktime(&probe);
        if (t != (time_t)-1) {
            tm.tm_zone = probe.tm_zone;
            tm.tm_gmtoff = probe.tm_gmtoff;
        }
    }
    size_t flen;
    const char *fmt = tr_str_utf8_len(args[0], &flen);
    if (flen == 0)
        return tr_str_empty();
    /* A format ending in a lone '%' is passed through as CPython does on glibc. */
    for (size_t cap = 256 + flen * 4;; cap *= 2) {
        char *buf = tr_alloc_atomic(cap);
        /* strftime returns 0 both for "no room" and for an empty result: pad the format. */
        char *f2 = tr_alloc_atomic(flen + 2);
        memcpy(f2, fmt, flen);
        f2[flen] = ' ';
        f2[flen + 1] = 0;
        size_t n = strftime(buf, cap, f2, &tm);
        if (n > 0)
            return tr_str_from_utf8(buf, n - 1);
        if (cap > 1u << 24)
            return tr_str_empty();
    }
}

static const TrMethodDef time_functions[] = {
    {"time", t_time, 0},
    {"time_ns", t_time_ns, 0},
    {"perf_counter", t_perf_counter, 0},
    {"perf_counter_ns", t_perf_counter_ns, 0},
    {"monotonic", t_monotonic, 0},
    {"monotonic_ns", t_monotonic_ns, 0},
    {"process_time", t_process_time, 0},
    {"process_time_ns", t_process_time_ns, 0},
    {"thread_time", t_thread_time, 0},
    {"thread_time_ns", t_thread_time_ns, 0},
    {"sleep", t_sleep, 0},
    {"localtime", t_localtime, 0},
    {"gmtime", t_gmtime, 0},
    {"mktime", t_mktime, 0},
    {"asctime", t_asctime, 0},
    {"ctime", t_ctime, 0},
    {"strftime", t_strftime, 0},
    {NULL, NULL, 0},
};

TrValue tr_mod_time_init(void)
{
    TrValue m = tr_module_new(tr_str_intern_cstr("time"));
    tr_module_add_functions(m, time_functions);
    tr_mod_set_type_module(&tr_struct_time_type, "time");
    tr_module_add(m, "struct_time", tr_val(&tr_struct_time_type));
    tzset();
    /* CPython derives these from January and July of the current year. */
    time_t now = time(NULL);
    struct tm jan, jul, cur;
    localtime_r(&now, &cur);
    struct tm probe = {.tm_year = cur.tm_year, .tm_mday = 1, .tm_isdst = -1};
    time_t tj = mktime(&probe);
    localtime_r(&tj, &jan);
    probe = (struct tm){.tm_year = cur.tm_year, .tm_mon = 6, .tm_mday = 1, .tm_isdst = -1};
    time_t tl = mktime(&probe);
    localtime_r(&tl, &jul);
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "", *julname = jul.tm_zone ? jul.tm_zone : "";
    if (janoff < juloff) { /* southern hemisphere: DST in January */
        tr_module_add(m, "timezone", tr_int_from_i64(juloff));
        tr_module_add(m, "altzone", tr_int_from_i64(janoff));
        tr_module_add(m, "daylight", tr_small_new(janoff != juloff));
        tr_module_add(m, "tzname", tr_tuple_pack(2, tr_str_from_cstr(julname),
                                                 tr_str_from_cstr(janname)));
    } else {
        tr_module_add(m, "timezone", tr_int_from_i64(janoff));
        tr_module_add(m, "altzone", tr_int_from_i64(juloff));
        tr_module_add(m, "daylight", tr_small_new(janoff != juloff));
        tr_module_add(m, "tzname", tr_tuple_pack(2, tr_str_from_cstr(janname),
                                                 tr_str_from_cstr(julname)));
    }
    return m;
}
