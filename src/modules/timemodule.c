/* src/modules/timemodule.c — the time module: clocks and sleep (issue 8). sleep releases
 * the GIL and takes it back with priority (docs/design/gil.md). */
#include "modules.h"
#include "runtime/gil.h"
#include <errno.h>
#include <math.h>
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
    { NULL, NULL, 0, NULL },
};

OuroObject *ou_time_module_create(void)
{
    return ou_module_from_defs("time", time_functions,
                               "This module provides various functions to manipulate time values.");
}
