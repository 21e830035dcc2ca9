/* src/runtime/gil.c — the global interpreter lock: forced switching after the switch
 * interval, and a priority hand-off for threads returning from blocking waits (the
 * convoy-effect fix). Design and measurements: docs/design/gil.md. */
#include "gil.h"
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#define OU_DEFAULT_INTERVAL_US 5000

/* The monotonic clock in nanoseconds. Never fails. */
long long ou_gil_now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Returns: the new GIL (not in use yet), or NULL if out of memory. */
OuGil *ou_gil_new(void)
{
    OuGil *g = calloc(1, sizeof(*g));
    if (!g)
        return NULL;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    /* Timed waits measure the switch interval on the monotonic clock. */
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    int rc = pthread_mutex_init(&g->mutex, NULL);
    rc = rc ? rc : pthread_cond_init(&g->cond, &ca);
    rc = rc ? rc : pthread_cond_init(&g->switch_cond, &ca);
    pthread_condattr_destroy(&ca);
    if (rc) {
        free(g);
        return NULL;
    }
    g->interval_us = OU_DEFAULT_INTERVAL_US;
    return g;
}

/* Never fails. Leaks the GIL when daemon threads are still parked on it: they read it
 * once more when they wake, see `finalizing`, and exit. */
void ou_gil_free(OuGil *g)
{
    if (!g)
        return;
    pthread_mutex_lock(&g->mutex);
    int alive = g->nthreads;
    pthread_mutex_unlock(&g->mutex);
    if (alive)
        return;
    pthread_cond_destroy(&g->switch_cond);
    pthread_cond_destroy(&g->cond);
    pthread_mutex_destroy(&g->mutex);
    free(g);
}

/* Never fails. */
void ou_gil_enable(OuGil *g, struct OuroThreadState *ts)
{
    pthread_mutex_lock(&g->mutex);
    if (!g->enabled) {
        g->enabled = true;
        g->locked = true;
        g->holder = ts;
        g->switch_number++;
    }
    pthread_mutex_unlock(&g->mutex);
}

/* Asks the holder to drop the GIL at its next eval-breaker check. Under the mutex. */
static void request_drop(OuGil *g)
{
    __atomic_store_n(&g->drop_request, 1, __ATOMIC_RELEASE);
    if (g->holder)
        atomic_store_explicit(&g->holder->eval_breaker, 1, memory_order_release);
}

static void deadline_after(struct timespec *t, long us)
{
    clock_gettime(CLOCK_MONOTONIC, t);
    t->tv_nsec += (us % 1000000) * 1000;
    t->tv_sec += us / 1000000 + t->tv_nsec / 1000000000;
    t->tv_nsec %= 1000000000;
}

/* Under the mutex, finalizing: the finalizing thread goes on; any other thread exits
 * here and never touches the runtime again (its thread state may be gone). */
static void finalizing_gate(OuGil *g, struct OuroThreadState *ts)
{
    if (g->holder == ts)
        return;
    pthread_mutex_unlock(&g->mutex);
    pthread_exit(NULL);
}

/* Never fails (may exit the calling thread: see finalizing_gate). A priority taker asks
 * for the GIL at once instead of after a switch interval, and non-priority takers give
 * way to it: a thread woken from I/O or a sleep runs within microseconds, while a
 * CPU-bound holder loses only the short time the I/O thread runs. */
void ou_gil_take(OuGil *g, struct OuroThreadState *ts, bool priority)
{
    pthread_mutex_lock(&g->mutex);
    if (!g->enabled) {
        pthread_mutex_unlock(&g->mutex);
        return;
    }
    if (g->finalizing || (g->locked && g->holder == ts)) {
        if (g->finalizing)
            finalizing_gate(g, ts);
        pthread_mutex_unlock(&g->mutex); /* already ours (see ou_gil_drop) */
        return;
    }
    g->waiters++;
    if (priority)
        g->priority_waiters++;
    while (g->locked || (!priority && g->priority_waiters > 0)) {
        unsigned long seen = g->switch_number;
        if (priority && g->locked)
            request_drop(g);
        struct timespec dl;
        deadline_after(&dl, g->interval_us);
        int rc = pthread_cond_timedwait(&g->cond, &g->mutex, &dl);
        if (g->finalizing) {
            g->waiters--;
            if (priority)
                g->priority_waiters--;
            finalizing_gate(g, ts);
        }
        /* A whole interval without a switch: force one. */
        if (rc == ETIMEDOUT && g->locked && g->switch_number == seen)
            request_drop(g);
    }
    g->waiters--;
    if (priority)
        g->priority_waiters--;
    g->locked = true;
    g->holder = ts;
    g->switch_number++;
    __atomic_store_n(&g->drop_request, 0, __ATOMIC_RELAXED);
    pthread_cond_broadcast(&g->switch_cond);
    pthread_mutex_unlock(&g->mutex);
    ou_current = (OuCurrent){ .heap = ts->runtime->heap, .objs = &ts->runtime->objs,
                              .gc = &ts->runtime->gc, .tstate = ts };
}

/* Never fails. Broadcast, not signal: a woken non-priority waiter may have to go on
 * waiting behind a priority one, which must then not sleep through its turn. */
void ou_gil_drop(OuGil *g, struct OuroThreadState *ts)
{
    pthread_mutex_lock(&g->mutex);
    if (g->enabled && !g->finalizing && !g->no_switch && g->holder == ts) {
        g->locked = false;
        g->holder = NULL;
        pthread_cond_broadcast(&g->cond);
    }
    pthread_mutex_unlock(&g->mutex);
}

/* Returns 0. Forced switching: after dropping on request, the thread waits until some
 * waiter has taken the GIL, so that it cannot take it straight back. */
int ou_gil_handle_breaker(struct OuroThreadState *ts)
{
    atomic_store_explicit(&ts->eval_breaker, 0, memory_order_relaxed);
    OuGil *g = ts->gil;
    if (!g || !__atomic_load_n(&g->drop_request, __ATOMIC_ACQUIRE))
        return 0;
    pthread_mutex_lock(&g->mutex);
    if (g->finalizing || g->holder != ts || !g->drop_request || g->no_switch) {
        pthread_mutex_unlock(&g->mutex);
        return 0;
    }
    unsigned long seen = g->switch_number;
    g->locked = false;
    g->holder = NULL;
    pthread_cond_broadcast(&g->cond);
    while (g->switch_number == seen && g->waiters > 0 && !g->finalizing)
        pthread_cond_wait(&g->switch_cond, &g->mutex);
    pthread_mutex_unlock(&g->mutex);
    ou_gil_take(g, ts, false);
    return 0;
}

/* Never fails. The caller holds the GIL (or threads were never started). */
void ou_gil_finalize(OuroRuntime *rt)
{
    OuGil *g = rt->gil;
    if (!g)
        return;
    pthread_mutex_lock(&g->mutex);
    if (g->enabled) {
        g->finalizing = true;
        /* Wake the parked threads so that they exit now rather than at their next
         * timeout (they would exit either way). */
        pthread_cond_broadcast(&g->cond);
    }
    pthread_mutex_unlock(&g->mutex);
}

double ou_gil_get_interval(OuroRuntime *rt)
{
    /* 1e-6 * us, not us / 1e6: the same float as CPython (0.0002 -> 0.00019999999999999998) */
    return 1e-6 * (double)(rt->gil ? rt->gil->interval_us : OU_DEFAULT_INTERVAL_US);
}

void ou_gil_set_interval(OuroRuntime *rt, double seconds)
{
    long us = (long)(1e6 * seconds);
    if (us < 1)
        us = 1; /* CPython also rounds up to one microsecond */
    if (rt->gil) {
        pthread_mutex_lock(&rt->gil->mutex);
        rt->gil->interval_us = us;
        pthread_mutex_unlock(&rt->gil->mutex);
    }
}

/* ---------------------------------------------------------------- public API -- */

OURO_API OuroThreadState *ouro_gil_release(void)
{
    struct OuroThreadState *ts = ou_current.tstate;
    if (ts && ts->gil) {
        /* From C, the lock is in use from the first release: a thread C created may
         * be about to ask for it (ouro_thread_state_ensure). */
        ou_gil_enable(ts->gil, ts);
        ou_gil_drop(ts->gil, ts);
    }
    return ts;
}

OURO_API void ouro_gil_acquire(OuroThreadState *ts)
{
    if (ts && ts->gil)
        ou_gil_take(ts->gil, ts, true);
}

void ou_gil_no_switch(struct OuroThreadState *ts)
{
    OuGil *g = ts->gil;
    pthread_mutex_lock(&g->mutex);
    if (g->holder == ts)
        g->no_switch = true;
    pthread_mutex_unlock(&g->mutex);
}
