/* src/runtime/thread.c — OS threads running under a runtime's GIL: their thread states
 * (created for the thread, released when it ends) and the C API to run Python from a
 * thread C created. Narrative: docs/design/gil.md. */
#include "gil.h"
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

typedef struct Boot {
    struct OuroThreadState *ts;
    void (*fn)(void *arg);
    void *arg;
} Boot;

/* Returns: a thread state of rt (not linked yet), or NULL if out of memory. */
static struct OuroThreadState *tstate_create(OuroRuntime *rt)
{
    struct OuroThreadState *ts = calloc(1, sizeof(*ts));
    if (!ts)
        return NULL;
    ts->runtime = rt;
    ts->gil = rt->gil;
    /* sys.setrecursionlimit is per runtime in CPython: a new thread inherits the main
     * thread's (the last of the list). */
    struct OuroThreadState *main_ts = rt->tstates;
    while (main_ts && main_ts->next_tstate)
        main_ts = main_ts->next_tstate;
    ts->recursion_limit = main_ts ? main_ts->recursion_limit : 1000;
    return ts;
}

/* Under the GIL. The list is singly linked with the main thread last. */
static void tstate_link(OuroRuntime *rt, struct OuroThreadState *ts)
{
    ts->next_tstate = rt->tstates;
    rt->tstates = ts;
}

static void tstate_unlink(OuroRuntime *rt, struct OuroThreadState *ts)
{
    for (struct OuroThreadState **p = &rt->tstates; *p; p = &(*p)->next_tstate) {
        if (*p == ts) {
            *p = ts->next_tstate;
            return;
        }
    }
}

/* Under the GIL: drops what the thread state owns, unlinks it, gives the GIL back and
 * frees the state. The thread must not touch objects afterwards. */
static void tstate_finish(struct OuroThreadState *ts)
{
    OuroRuntime *rt = ts->runtime;
    OuGil *g = ts->gil;
    OURO_CLEAR(ts->curexc);
    OURO_CLEAR(ts->exc_info);
    tstate_unlink(rt, ts);
    pthread_mutex_lock(&g->mutex);
    g->nthreads--;
    g->no_switch = false;
    if (g->holder == ts) {
        g->locked = false;
        g->holder = NULL;
        pthread_cond_broadcast(&g->cond);
    }
    pthread_mutex_unlock(&g->mutex);
    free(ts);
    ou_current = (OuCurrent){ 0 };
}

static void *thread_main(void *p)
{
    Boot b = *(Boot *)p;
    free(p);
    ou_gil_take(b.ts->gil, b.ts, false);
    b.fn(b.arg);
    tstate_finish(b.ts);
    return NULL;
}

/* Returns 0, or -1 with RuntimeError. Under the GIL (enabled here on first use). */
int ou_thread_start(void (*fn)(void *arg), void *arg, unsigned long *ident)
{
    struct OuroThreadState *me = ou_tstate();
    OuroRuntime *rt = me->runtime;
    Boot *b = malloc(sizeof(*b));
    struct OuroThreadState *ts = b ? tstate_create(rt) : NULL;
    if (!ts) {
        free(b);
        ouro_err_no_memory();
        return -1;
    }
    *b = (Boot){ .ts = ts, .fn = fn, .arg = arg };
    ou_gil_enable(rt->gil, me);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 8u << 20); /* as the main thread: deep recursion */
    tstate_link(rt, ts);
    pthread_mutex_lock(&rt->gil->mutex);
    rt->gil->nthreads++;
    pthread_mutex_unlock(&rt->gil->mutex);
    pthread_t tid;
    /* The new thread blocks SIGINT (it inherits this mask): Ctrl-C must reach the thread
     * it interrupts, and wake that thread's blocking wait (src/runtime/signals.c). */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    int rc = pthread_create(&tid, &attr, thread_main, b);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (rc) {
        tstate_unlink(rt, ts);
        pthread_mutex_lock(&rt->gil->mutex);
        rt->gil->nthreads--;
        pthread_mutex_unlock(&rt->gil->mutex);
        free(ts);
        free(b);
        ouro_err_set_string(&ouro_exc_RuntimeError, "can't start new thread");
        return -1;
    }
    *ident = (unsigned long)tid;
    return 0;
}

unsigned long ou_thread_ident(void)
{
    return (unsigned long)pthread_self();
}

unsigned long ou_thread_native_id(void)
{
    return (unsigned long)syscall(SYS_gettid);
}

int ou_thread_count(OuroRuntime *rt)
{
    pthread_mutex_lock(&rt->gil->mutex);
    int n = rt->gil->nthreads;
    pthread_mutex_unlock(&rt->gil->mutex);
    return n;
}

/* -------------------------------------------------------------- public API -- */

OURO_API OuroThreadState *ouro_thread_state_ensure(OuroRuntime *rt)
{
    struct OuroThreadState *ts = tstate_create(rt);
    if (!ts)
        return NULL;
    /* The GIL is in use from here on: the creating thread may be running Python. */
    pthread_mutex_lock(&rt->gil->mutex);
    rt->gil->nthreads++;
    pthread_mutex_unlock(&rt->gil->mutex);
    ou_gil_take(rt->gil, ts, false);
    tstate_link(rt, ts);
    return ts;
}

OURO_API void ouro_thread_state_release(OuroThreadState *ts)
{
    tstate_finish(ts);
}
