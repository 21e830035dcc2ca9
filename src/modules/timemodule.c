/* src/modules/timemodule.c — the time module: clocks, sleep (issue 8), and the calendar
 * half over the C library: struct_time (structseq.c), gmtime, localtime, mktime,
 * asctime, ctime, strftime, the timezone constants and tzset. strptime is in
 * timeparse.c. sleep releases the GIL and takes it back with priority
 * (docs/design/gil.md). No state of ours: the time zone lives in the C library (tzset)
 * and its constants in the module dict. */
#include "modules.h"
#include "runtime/gil.h"
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

static int64_t clock_ns(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static OuroObject *seconds(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return ouro_float_from_double((double)t.tv_sec + t.tv_nsec * 1e-9);
}

static OuroObject *t_time(OuroObject *s, OuroObject *u) { return seconds(CLOCK_REALTIME); }
static OuroObject *t_monotonic(OuroObject *s, OuroObject *u) { return seconds(CLOCK_MONOTONIC); }
static OuroObject *t_process_time(OuroObject *s, OuroObject *u)
{
    return seconds(CLOCK_PROCESS_CPUTIME_ID);
}
static OuroObject *t_thread_time(OuroObject *s, OuroObject *u)
{
    return seconds(CLOCK_THREAD_CPUTIME_ID);
}
static OuroObject *t_time_ns(OuroObject *s, OuroObject *u)
{
    return ouro_int_from_int64(clock_ns(CLOCK_REALTIME));
}
static OuroObject *t_monotonic_ns(OuroObject *s, OuroObject *u)
{
    return ouro_int_from_int64(clock_ns(CLOCK_MONOTONIC));
}
static OuroObject *t_process_time_ns(OuroObject *s, OuroObject *u)
{
    return ouro_int_from_int64(clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}
static OuroObject *t_thread_time_ns(OuroObject *s, OuroObject *u)
{
    return ouro_int_from_int64(clock_ns(CLOCK_THREAD_CPUTIME_ID));
}

/* sleep(secs): an int or float (anything else: CPython's TypeError), not negative. The
 * GIL is released for the whole wait. Returns None, or NULL with an exception. */
static OuroObject *t_sleep(OuroObject *s, OuroObject *arg)
{
    double secs;
    if (ouro_float_check(arg)) {
        secs = ouro_float_as_double(arg);
    } else if (ouro_int_check(arg)) {
        secs = ouro_float_as_double(arg);
        if (secs == -1.0 && ouro_err_occurred())
            return NULL;
    } else {
        return ouro_err_format(&ouro_exc_TypeError,
                               "'%s' object cannot be interpreted as an integer",
                               OURO_TYPE(arg)->tp_name);
    }
    if (isnan(secs))
        return ouro_err_format(&ouro_exc_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0)
        return ouro_err_format(&ouro_exc_ValueError, "sleep length must be non-negative");
    if (secs > 9223372036.0)
        return ouro_err_format(&ouro_exc_OverflowError, "sleep length is too large");
    struct timespec dl;
    clock_gettime(CLOCK_MONOTONIC, &dl);
    double whole = floor(secs);
    dl.tv_sec += (time_t)whole;
    dl.tv_nsec += (long)((secs - whole) * 1e9);
    if (dl.tv_nsec >= 1000000000) {
        dl.tv_sec++;
        dl.tv_nsec -= 1000000000;
    }
    for (;;) {
        struct OuroThreadState *ts = ou_blocking_begin();
        int rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &dl, NULL);
        ou_blocking_end(ts);
        if (rc != EINTR)
            break;
        /* A signal: Ctrl-C ends the sleep with KeyboardInterrupt (PEP 475: any other
         * signal just resumes it). */
        if (ouro_err_check_signals() < 0)
            return NULL;
    }
    return OURO_NEWREF(OURO_NONE);
}

/* ------------------------------------------------------------ conversions -- */

/* A timestamp argument (int or float; None: now) as time_t, rounded towards -inf as
 * CPython does for gmtime/localtime/ctime. 0, or -1 with CPython's error. */
static int arg_time_t(OuroObject *o, time_t *out)
{
    if (!o || o == OURO_NONE) {
        *out = time(NULL);
        return 0;
    }
    if (ouro_float_check(o)) {
        double d = ouro_float_as_double(o);
        if (isnan(d)) {
            ouro_err_format(&ouro_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        /* time_t is 64-bit: [-2**63, 2**63) */
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            ouro_err_format(&ouro_exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    int overflow = 0;
    int64_t v = ouro_int_as_int64_and_overflow(o, &overflow);
    if (overflow) {
        ouro_err_format(&ouro_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    if (v == -1 && ouro_err_occurred())
        return -1;
    *out = (time_t)v;
    return 0;
}

/* A C int argument as CPython's "i" conversion reports it: TypeError for non-ints,
 * "signed integer is greater than maximum" / "less than minimum". 0 / -1. */
static int arg_c_int(OuroObject *o, int *out)
{
    int64_t v = ouro_int_as_int64(o);
    if (v == -1 && ouro_err_occurred())
        return -1;
    if (v > INT32_MAX || v < INT32_MIN) {
        ouro_err_format(&ouro_exc_OverflowError, v > 0 ? "signed integer is greater than maximum"
                                                       : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* A struct tm as a struct_time (tm_zone, tm_gmtoff included). New reference, or NULL. */
OuroObject *ou_time_struct_from_tm(const struct tm *tm)
{
    OuroObject *items = ouro_tuple_new(11);
    if (!items)
        return NULL;
    long long v[9] = { (long long)tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
                       tm->tm_min, tm->tm_sec, (tm->tm_wday + 6) % 7, tm->tm_yday + 1,
                       tm->tm_isdst };
    for (int i = 0; i < 9; i++) {
        OuroObject *x = ouro_int_from_int64(v[i]);
        if (!x)
            goto fail;
        OURO_TUPLE_ITEMS(items)[i] = x;
    }
    OuroObject *zone = tm->tm_zone ? ouro_str_from_cstr(tm->tm_zone) : OURO_NEWREF(OURO_NONE);
    if (!zone)
        goto fail;
    OURO_TUPLE_ITEMS(items)[9] = zone;
    if (!(OURO_TUPLE_ITEMS(items)[10] = ouro_int_from_int64(tm->tm_gmtoff)))
        goto fail;
    OuroObject *r = ou_structseq_new(&ou_struct_time_type, items);
    OURO_DECREF(items);
    return r;
fail:
    OURO_DECREF(items);
    return NULL;
}

/* A 9-item tuple or a struct_time as a struct tm, C-style (year - 1900, month 0-11,
 * wday Sunday = 0 (wrapping as C's % does), yday 0-365); tm_zone borrows the
 * struct_time's str. fname names the caller in "fname(): illegal time tuple argument".
 * 0, or -1 with an exception. */
static int arg_tm(OuroObject *o, struct tm *tm, const char *fname)
{
    memset(tm, 0, sizeof *tm);
    if (!ouro_object_type_check(o, &ouro_tuple_type)) {
        ouro_err_format(&ouro_exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (OURO_TUPLE_SIZE(o) != 9) {
        ouro_err_format(&ouro_exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++)
        if (arg_c_int(OURO_TUPLE_GET(o, i), &v[i]) < 0)
            return -1;
    if ((long long)v[0] - 1900 < INT32_MIN) {
        ouro_err_format(&ouro_exc_OverflowError, "year out of range");
        return -1;
    }
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = v[1] - 1;
    tm->tm_mday = v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;
    tm->tm_yday = v[7] - 1;
    tm->tm_isdst = v[8];
    if (OURO_IS_TYPE(o, &ou_struct_time_type)) {
        OuroObject *zone = OURO_TUPLE_GET(o, 9), *off = OURO_TUPLE_GET(o, 10);
        if (zone != OURO_NONE && ouro_str_check(zone))
            tm->tm_zone = ouro_str_utf8(zone);
        if (off != OURO_NONE) {
            int64_t g = ouro_int_as_int64(off);
            if (g == -1 && ouro_err_occurred())
                return -1;
            tm->tm_gmtoff = (long)g;
        }
    }
    return 0;
}

/* The range checks of strftime and asctime, with CPython's messages, after their
 * normalisation (month, day of month and day of year 0 mean the first). 0 / -1. */
static int check_tm(struct tm *tm)
{
    const char *bad = NULL;
    if (tm->tm_mon == -1)
        tm->tm_mon = 0;
    if (tm->tm_mday == 0)
        tm->tm_mday = 1;
    if (tm->tm_yday == -1)
        tm->tm_yday = 0;
    if (tm->tm_mon < 0 || tm->tm_mon > 11)
        bad = "month out of range";
    else if (tm->tm_mday < 1 || tm->tm_mday > 31)
        bad = "day of month out of range";
    else if (tm->tm_hour < 0 || tm->tm_hour > 23)
        bad = "hour out of range";
    else if (tm->tm_min < 0 || tm->tm_min > 59)
        bad = "minute out of range";
    else if (tm->tm_sec < 0 || tm->tm_sec > 61)
        bad = "seconds out of range";
    else if (tm->tm_wday < 0)
        bad = "day of week out of range";
    else if (tm->tm_yday < 0 || tm->tm_yday > 365)
        bad = "day of year out of range";
    if (bad) {
        ouro_err_format(&ouro_exc_ValueError, "%s", bad);
        return -1;
    }
    return 0;
}

/* Vector-call arguments: at most one positional, no keywords (gmtime, localtime, ctime,
 * asctime). *out is the argument (borrowed) or NULL. 0 / -1. */
static int one_optional(const char *name, OuroObject *const *args, ouro_ssize nargs,
                        OuroObject *kwnames, OuroObject **out)
{
    if (ou_builtin_no_kwargs(name, kwnames) < 0)
        return -1;
    if (nargs > 1) {
        /* asctime's message differs from the others' in CPython 3.11 */
        ouro_err_format(&ouro_exc_TypeError,
                        strcmp(name, "asctime") == 0 ? "%s expected at most 1 argument, got %zd"
                                                     : "%s() takes at most 1 argument (%zd given)",
                        name, nargs);
        return -1;
    }
    *out = nargs ? args[0] : NULL;
    return 0;
}

/* -------------------------------------------------------- calendar functions -- */

/* gmtime/localtime body: the C library's conversion, or OSError (EOVERFLOW) when the
 * year does not fit. New reference, or NULL. */
static OuroObject *convert_time(const char *name, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames, bool local)
{
    OuroObject *a;
    time_t t;
    struct tm tm;
    if (one_optional(name, args, nargs, kwnames, &a) < 0 || arg_time_t(a, &t) < 0)
        return NULL;
    errno = 0;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm)))
        return ou_err_from_errno(errno ? errno : EOVERFLOW, NULL);
    return ou_time_struct_from_tm(&tm);
}

static OuroObject *t_gmtime(OuroObject *s, OuroObject *const *args, ouro_ssize nargs,
                            OuroObject *kwnames)
{
    return convert_time("gmtime", args, nargs, kwnames, false);
}

static OuroObject *t_localtime(OuroObject *s, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    return convert_time("localtime", args, nargs, kwnames, true);
}

/* mktime(t): local struct_time to a float timestamp; -1 from the C library with the
 * tm_wday sentinel untouched means out of range. New reference, or NULL. */
static OuroObject *t_mktime(OuroObject *s, OuroObject *arg)
{
    struct tm tm;
    if (arg_tm(arg, &tm, "mktime") < 0)
        return NULL;
    tm.tm_wday = -1; /* mktime sets it on success */
    time_t r = mktime(&tm);
    if (r == (time_t)-1 && tm.tm_wday == -1)
        return ouro_err_format(&ouro_exc_OverflowError, "mktime argument out of range");
    return ouro_float_from_double((double)r);
}

/* "Sun Jan  1 00:00:00 2000": asctime's fixed English layout. New str. */
static OuroObject *format_asctime(const struct tm *tm)
{
    static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    char buf[80];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %lld", days[tm->tm_wday % 7],
             months[tm->tm_mon], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
             (long long)tm->tm_year + 1900);
    return ouro_str_from_cstr(buf);
}

static OuroObject *t_asctime(OuroObject *s, OuroObject *const *args, ouro_ssize nargs,
                             OuroObject *kwnames)
{
    OuroObject *a;
    struct tm tm;
    if (one_optional("asctime", args, nargs, kwnames, &a) < 0)
        return NULL;
    if (!a) {
        time_t now = time(NULL);
        localtime_r(&now, &tm);
    } else if (arg_tm(a, &tm, "asctime") < 0 || check_tm(&tm) < 0) {
        return NULL;
    }
    return format_asctime(&tm);
}

static OuroObject *t_ctime(OuroObject *s, OuroObject *const *args, ouro_ssize nargs,
                           OuroObject *kwnames)
{
    OuroObject *a;
    time_t t;
    struct tm tm;
    if (one_optional("ctime", args, nargs, kwnames, &a) < 0 || arg_time_t(a, &t) < 0)
        return NULL;
    errno = 0;
    if (!localtime_r(&t, &tm))
        return ou_err_from_errno(errno ? errno : EOVERFLOW, NULL);
    return format_asctime(&tm);
}

/* strftime(format[, t]): CPython's normalisation and range checks (check_tm; isdst
 * clamped to -1..1), then the C library's strftime into a growing
 * buffer (an empty result from a large enough buffer is a legitimately empty string, as
 * in CPython). New str, or NULL. */
static OuroObject *t_strftime(OuroObject *s, OuroObject *const *args, ouro_ssize nargs,
                              OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("strftime", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2)
        return ouro_err_format(&ouro_exc_TypeError, nargs < 1
                                   ? "strftime() takes at least 1 argument (%zd given)"
                                   : "strftime() takes at most 2 arguments (%zd given)", nargs);
    OuroObject *fmt = args[0];
    if (!ouro_str_check(fmt))
        return ouro_err_format(&ouro_exc_TypeError, "strftime() argument 1 must be str, not %T",
                               fmt);
    struct tm tm;
    if (nargs < 2) {
        time_t now = time(NULL);
        localtime_r(&now, &tm);
    } else {
        if (arg_tm(args[1], &tm, "strftime") < 0 || check_tm(&tm) < 0)
            return NULL;
        if (tm.tm_isdst < -1)
            tm.tm_isdst = -1;
        else if (tm.tm_isdst > 1)
            tm.tm_isdst = 1;
    }
    const char *f = ouro_str_utf8(fmt);
    size_t flen = (size_t)ouro_str_byte_length(fmt);
    if (strlen(f) != flen)
        return ouro_err_format(&ouro_exc_ValueError, "embedded null character");
    if (flen == 0)
        return ouro_str_from_cstr("");
    for (size_t size = 1024;; size *= 2) {
        char *buf = ouro_mem_malloc(size);
        if (!buf)
            return ouro_err_no_memory();
        size_t n = strftime(buf, size, f, &tm);
        if (n > 0 || size >= 256 * flen) {
            OuroObject *r = ouro_str_from_utf8(buf, n);
            ouro_mem_free(buf);
            return r;
        }
        ouro_mem_free(buf);
    }
}

/* ----------------------------------------------------------------- time zone -- */

/* Sets timezone, altzone, daylight and tzname in the module dict d from the C library's
 * current zone: the offsets of January and July of this year, the larger one standard
 * time (so the southern hemisphere comes out right). 0 / -1. */
static int init_timezone(OuroObject *d)
{
    const time_t year = (365 * 24 + 6) * 3600;
    time_t t = (time(NULL) / year) * year;
    struct tm jan, jul;
    localtime_r(&t, &jan);
    t += year / 2;
    localtime_r(&t, &jul);
    long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "   ";
    const char *julname = jul.tm_zone ? jul.tm_zone : "   ";
    long std = janzone, alt = julzone;
    const char *stdname = janname, *altname = julname;
    if (janzone < julzone) { /* DST is reversed in the southern hemisphere */
        std = julzone;
        alt = janzone;
        stdname = julname;
        altname = janname;
    }
    OuroObject *v[4] = { ouro_int_from_int64(std), ouro_int_from_int64(alt),
                         ouro_int_from_int64(janzone != julzone), NULL };
    OuroObject *n0 = ouro_str_from_cstr(stdname), *n1 = ouro_str_from_cstr(altname);
    if (n0 && n1)
        v[3] = ouro_tuple_pack(2, n0, n1);
    OURO_XDECREF(n0);
    OURO_XDECREF(n1);
    static const char *const names[4] = { "timezone", "altzone", "daylight", "tzname" };
    int rc = 0;
    for (int i = 0; i < 4; i++) {
        if (!v[i] || (rc == 0 && ouro_dict_set_item_str(d, names[i], v[i]) < 0))
            rc = -1;
        OURO_XDECREF(v[i]);
    }
    return rc;
}

/* tzset(): rereads TZ in the C library and refreshes the module's constants (self is
 * the module). Returns None, or NULL. */
static OuroObject *t_tzset(OuroObject *self, OuroObject *u)
{
    tzset();
    if (init_timezone(ou_module_dict(self)) < 0)
        return NULL;
    return OURO_NEWREF(OURO_NONE);
}

/* -------------------------------------------------------------- clock_* API -- */

static int arg_clock_id(OuroObject *o, clockid_t *out)
{
    int v;
    if (arg_c_int(o, &v) < 0)
        return -1;
    *out = (clockid_t)v;
    return 0;
}

/* clock_gettime/clock_gettime_ns/clock_getres body: OSError from the C library for an
 * unknown clock. New reference, or NULL. */
static OuroObject *clock_query(OuroObject *arg, bool res, bool ns)
{
    clockid_t id;
    struct timespec t;
    if (arg_clock_id(arg, &id) < 0)
        return NULL;
    if ((res ? clock_getres(id, &t) : clock_gettime(id, &t)) != 0)
        return ou_err_from_errno(errno, NULL);
    if (ns)
        return ouro_int_from_int64((int64_t)t.tv_sec * 1000000000 + t.tv_nsec);
    return ouro_float_from_double((double)t.tv_sec + t.tv_nsec * 1e-9);
}

static OuroObject *t_clock_gettime(OuroObject *s, OuroObject *a)
{
    return clock_query(a, false, false);
}
static OuroObject *t_clock_gettime_ns(OuroObject *s, OuroObject *a)
{
    return clock_query(a, false, true);
}
static OuroObject *t_clock_getres(OuroObject *s, OuroObject *a)
{
    return clock_query(a, true, false);
}

/* clock_settime(clk_id, time) / clock_settime_ns(clk_id, time): PermissionError (or
 * EINVAL's OSError) from the C library for non-root callers, as CPython. */
static OuroObject *clock_set(const char *name, OuroObject *const *args, ouro_ssize nargs,
                             bool ns)
{
    clockid_t id;
    struct timespec t;
    if (nargs != 2)
        return ouro_err_format(&ouro_exc_TypeError, "%s() takes exactly 2 arguments (%zd given)",
                               name, nargs);
    if (arg_clock_id(args[0], &id) < 0)
        return NULL;
    OuroObject *v = args[1];
    if (ns) {
        if (!ouro_int_check(v))
            return ouro_err_format(&ouro_exc_TypeError, "expect int, got %T", v);
        int64_t n = ouro_int_as_int64(v);
        if (n == -1 && ouro_err_occurred())
            return NULL;
        t.tv_sec = (time_t)(n / 1000000000);
        t.tv_nsec = (long)(n % 1000000000);
        if (t.tv_nsec < 0) {
            t.tv_sec--;
            t.tv_nsec += 1000000000;
        }
    } else if (ouro_float_check(v)) {
        double d = ouro_float_as_double(v);
        if (isnan(d))
            return ouro_err_format(&ouro_exc_ValueError, "Invalid value NaN (not a number)");
        if (!(d >= -9223372036.0 && d < 9223372036.0))
            return ouro_err_format(&ouro_exc_OverflowError,
                                   "timestamp too large to convert to C _PyTime_t");
        double whole = floor(d);
        t.tv_sec = (time_t)whole;
        t.tv_nsec = (long)((d - whole) * 1e9);
    } else {
        time_t sec;
        if (arg_time_t(v, &sec) < 0)
            return NULL;
        t.tv_sec = sec;
        t.tv_nsec = 0;
    }
    if (clock_settime(id, &t) != 0)
        return ou_err_from_errno(errno, NULL);
    return OURO_NEWREF(OURO_NONE);
}

static OuroObject *t_clock_settime(OuroObject *s, OuroObject *const *args, ouro_ssize nargs)
{
    return clock_set("clock_settime", args, nargs, false);
}

static OuroObject *t_clock_settime_ns(OuroObject *s, OuroObject *const *args, ouro_ssize nargs)
{
    return clock_set("clock_settime_ns", args, nargs, true);
}

/* pthread_getcpuclockid(thread_id): the CPU-time clock of a thread (an id from
 * threading.get_ident()). OSError (ProcessLookupError) from the C library. */
static OuroObject *t_pthread_getcpuclockid(OuroObject *s, OuroObject *arg)
{
    if (!ouro_int_check(arg))
        return ouro_err_format(&ouro_exc_TypeError,
                               "pthread_getcpuclockid() argument 1 must be int, not %T", arg);
    uint64_t id = ouro_int_as_uint64(arg);
    if (id == (uint64_t)-1 && ouro_err_occurred())
        return NULL;
    clockid_t clk;
    int err = pthread_getcpuclockid((pthread_t)id, &clk);
    if (err)
        return ou_err_from_errno(err, NULL);
    return ouro_int_from_int64(clk);
}

/* _clock_info(name): (implementation, monotonic, adjustable, resolution) of a clock
 * name for get_clock_info (defined in Python below, as it returns a namespace). */
static OuroObject *t_clock_info(OuroObject *s, OuroObject *arg)
{
    if (!ouro_str_check(arg))
        return ouro_err_format(&ouro_exc_TypeError,
                               "get_clock_info() argument 1 must be str, not %T", arg);
    static const struct {
        const char *name, *impl;
        clockid_t id;
        bool monotonic, adjustable;
    } clocks[] = {
        { "time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true },
        { "monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false },
        { "perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false },
        { "process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID,
          true, false },
        { "thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID,
          true, false },
    };
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        if (!ouro_str_equal_cstr(arg, clocks[i].name))
            continue;
        struct timespec res;
        clock_getres(clocks[i].id, &res);
        OuroObject *impl = ouro_str_from_cstr(clocks[i].impl);
        OuroObject *r = ouro_float_from_double((double)res.tv_sec + res.tv_nsec * 1e-9);
        OuroObject *t = impl && r ? ouro_tuple_pack(4, impl,
                                                    clocks[i].monotonic ? OURO_TRUE : OURO_FALSE,
                                                    clocks[i].adjustable ? OURO_TRUE : OURO_FALSE,
                                                    r)
                                  : NULL;
        OURO_XDECREF(impl);
        OURO_XDECREF(r);
        return t;
    }
    return ouro_err_format(&ouro_exc_ValueError, "unknown clock");
}

/* get_clock_info returns a namespace object: a small Python class, built per runtime in
 * a scratch dict (only get_clock_info is copied to the module). */
static const char clock_info_source[] =
    "class namespace:\n"
    "    def __init__(self, **kwargs):\n"
    "        self.__dict__.update(kwargs)\n"
    "    def __repr__(self):\n"
    "        items = ['%s=%r' % (k, v) for k, v in self.__dict__.items()]\n"
    "        return 'namespace(' + ', '.join(items) + ')'\n"
    "    def __eq__(self, other):\n"
    "        if not isinstance(other, namespace):\n"
    "            return NotImplemented\n"
    "        return self.__dict__ == other.__dict__\n"
    "def get_clock_info(name, /):\n"
    "    'Get information of the specified clock.'\n"
    "    impl, mono, adj, res = _clock_info(name)\n"
    "    return namespace(implementation=impl, monotonic=mono, adjustable=adj,\n"
    "                     resolution=res)\n";

static const OuroMethodDef clock_info_def = { "_clock_info", OURO_METH(t_clock_info),
                                              OURO_METH_O, NULL };

/* Adds get_clock_info to the module dict d. 0 / -1. */
static int add_get_clock_info(OuroObject *m, OuroObject *d)
{
    OuroObject *name = ouro_str_from_cstr("time");
    OuroObject *scratch = ouro_dict_new(), *f = NULL, *code = NULL, *r = NULL;
    int rc = -1;
    if (!name || !scratch || ouro_dict_set_item_str(scratch, "__name__", name) < 0)
        goto done;
    if (!(f = ou_cfunction_new(&clock_info_def, m, name)) ||
        ouro_dict_set_item_str(scratch, "_clock_info", f) < 0)
        goto done;
    if (!(code = ou_compile_source(clock_info_source, strlen(clock_info_source),
                                   "<frozen time>", OU_PARSE_FILE, NULL)) ||
        !(r = ou_eval_code(code, scratch, NULL)))
        goto done;
    OuroObject *g = ouro_dict_get_item_str(scratch, "get_clock_info");
    rc = g ? ouro_dict_set_item_str(d, "get_clock_info", g) : -1;
done:
    /* the function's globals are the scratch dict; it stays alive through them (a cycle
     * through the function, which the collector handles) */
    OURO_XDECREF(r);
    OURO_XDECREF(code);
    OURO_XDECREF(f);
    OURO_XDECREF(scratch);
    OURO_XDECREF(name);
    return rc;
}

#define VEC(f) OURO_METH(f), OURO_METH_FASTCALL | OURO_METH_KEYWORDS
static const OuroMethodDef time_functions[] = {
    { "time", OURO_METH(t_time), OURO_METH_NOARGS,
      "Return the current time in seconds since the Epoch." },
    { "time_ns", OURO_METH(t_time_ns), OURO_METH_NOARGS,
      "Return the current time in nanoseconds since the Epoch." },
    { "monotonic", OURO_METH(t_monotonic), OURO_METH_NOARGS,
      "Monotonic clock, cannot go backward." },
    { "monotonic_ns", OURO_METH(t_monotonic_ns), OURO_METH_NOARGS,
      "Monotonic clock, cannot go backward, as nanoseconds." },
    { "perf_counter", OURO_METH(t_monotonic), OURO_METH_NOARGS,
      "Performance counter for benchmarking." },
    { "perf_counter_ns", OURO_METH(t_monotonic_ns), OURO_METH_NOARGS,
      "Performance counter for benchmarking as nanoseconds." },
    { "process_time", OURO_METH(t_process_time), OURO_METH_NOARGS,
      "Process time for profiling: sum of the kernel and user-space CPU time." },
    { "process_time_ns", OURO_METH(t_process_time_ns), OURO_METH_NOARGS,
      "Process time for profiling as nanoseconds." },
    { "thread_time", OURO_METH(t_thread_time), OURO_METH_NOARGS,
      "Thread time for profiling: sum of the kernel and user-space CPU time." },
    { "thread_time_ns", OURO_METH(t_thread_time_ns), OURO_METH_NOARGS,
      "Thread time for profiling as nanoseconds." },
    { "sleep", OURO_METH(t_sleep), OURO_METH_O,
      "Delay execution for a given number of seconds." },
    { "gmtime", VEC(t_gmtime),
      "Convert seconds since the Epoch to a time tuple expressing UTC." },
    { "localtime", VEC(t_localtime),
      "Convert seconds since the Epoch to a time tuple expressing local time." },
    { "mktime", OURO_METH(t_mktime), OURO_METH_O,
      "Convert a time tuple in local time to seconds since the Epoch." },
    { "asctime", VEC(t_asctime),
      "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'." },
    { "ctime", VEC(t_ctime),
      "Convert a time in seconds since the Epoch to a string in local time." },
    { "strftime", VEC(t_strftime),
      "Convert a time tuple to a string according to a format specification." },
    { "strptime", VEC(ou_time_strptime),
      "Parse a string to a time tuple according to a format specification." },
    { "tzset", OURO_METH(t_tzset), OURO_METH_NOARGS,
      "Initialize, or reinitialize, the local timezone to the value of the environment "
      "variable TZ." },
    { "clock_gettime", OURO_METH(t_clock_gettime), OURO_METH_O,
      "Return the time of the specified clock clk_id." },
    { "clock_gettime_ns", OURO_METH(t_clock_gettime_ns), OURO_METH_O,
      "Return the time of the specified clock clk_id as nanoseconds (int)." },
    { "clock_getres", OURO_METH(t_clock_getres), OURO_METH_O,
      "Return the resolution (precision) of the specified clock clk_id." },
    { "clock_settime", OURO_METH(t_clock_settime), OURO_METH_FASTCALL,
      "Set the time of the specified clock clk_id." },
    { "clock_settime_ns", OURO_METH(t_clock_settime_ns), OURO_METH_FASTCALL,
      "Set the time of the specified clock clk_id with nanoseconds." },
    { "pthread_getcpuclockid", OURO_METH(t_pthread_getcpuclockid), OURO_METH_O,
      "Return the clk_id of a thread's CPU time clock." },
    { NULL, NULL, 0, NULL },
};
#undef VEC

OuroObject *ou_time_module_create(void)
{
    OuroObject *m = ou_module_from_defs("time", time_functions,
                                        "This module provides various functions to manipulate "
                                        "time values.");
    if (!m)
        return NULL;
    OuroObject *d = ou_module_dict(m);
    static const struct {
        const char *name;
        long v;
    } ints[] = {
        { "CLOCK_BOOTTIME", CLOCK_BOOTTIME }, { "CLOCK_MONOTONIC", CLOCK_MONOTONIC },
        { "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW },
        { "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID },
        { "CLOCK_REALTIME", CLOCK_REALTIME }, { "CLOCK_TAI", CLOCK_TAI },
        { "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID }, { "_STRUCT_TM_ITEMS", 11 },
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        OuroObject *v = ouro_int_from_int64(ints[i].v);
        int rc = v ? ouro_dict_set_item_str(d, ints[i].name, v) : -1;
        OURO_XDECREF(v);
        if (rc < 0)
            goto fail;
    }
    tzset(); /* as CPython's import does: the C library reads TZ now */
    if (ouro_dict_set_item_str(d, "struct_time", (OuroObject *)&ou_struct_time_type) < 0 ||
        ou_struct_time_add_counts() < 0 || init_timezone(d) < 0 ||
        add_get_clock_info(m, d) < 0)
        goto fail;
    return m;
fail:
    ouro_dict_clear(d); /* its functions refer back to the module */
    OURO_DECREF(m);
    return NULL;
}
