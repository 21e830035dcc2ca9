/* src/runtime/gil.h — the global interpreter lock of a runtime and the threads that run
 * under it (issue 8). Narrative and measurements: docs/design/gil.md. Internal. */
#ifndef OU_GIL_H
#define OU_GIL_H

#include "runtime.h"
#include <pthread.h>
#include <stdbool.h>

/* One per runtime, from the system allocator (a parked daemon thread may still read it
 * after the runtime is gone: then it is deliberately not freed).
 * Invariants, all under `mutex`: locked == (holder != NULL) once enabled; switch_number
 * counts acquisitions; drop_request is set only while locked and cleared by the next
 * acquisition; nthreads counts the threads started by the runtime that have not yet
 * given their thread state back; after finalizing, only the finalizing thread runs. */
typedef struct OuGil {
    pthread_mutex_t mutex;
    pthread_cond_t cond;            /* signalled when the GIL is released */
    pthread_cond_t switch_cond;     /* signalled when a waiter has taken it (forced switch) */
    bool enabled;                   /* false until the first thread starts: no locking;
                                       set once, by the holder: holders may read it */
    bool locked;
    bool finalizing;                /* teardown started: other threads never run again */
    struct OuroThreadState *holder;
    unsigned long switch_number;
    int drop_request;               /* atomic: the holder should drop at the next check */
    int waiters, priority_waiters;  /* threads inside take, of which I/O-returning */
    int nthreads;
    bool no_switch;                 /* the holder is ending its thread: no forced switch */
    long interval_us;               /* sys.setswitchinterval, microseconds */
} OuGil;

/* Creates the GIL of a runtime (not yet in use). NULL if out of memory (no exception). */
OuGil *ou_gil_new(void);
/* Frees it unless threads are still alive (then leaks it on purpose). Never fails. */
void ou_gil_free(OuGil *gil);
/* Starts using the GIL, held by ts (the calling thread). Idempotent. Never fails. */
void ou_gil_enable(OuGil *gil, struct OuroThreadState *ts);
/* Takes the GIL for ts; priority: ts returns from a blocking wait and is served at once.
 * Never fails; exits the calling thread if the runtime is finalizing. */
void ou_gil_take(OuGil *gil, struct OuroThreadState *ts, bool priority);
/* Drops the GIL held by ts. Never fails. */
void ou_gil_drop(OuGil *gil, struct OuroThreadState *ts);
/* The evaluation loop's eval-breaker handler: drops and re-takes the GIL if another
 * thread asked for it. Returns 0 (-1 reserved for pending signals). */
int ou_gil_handle_breaker(struct OuroThreadState *ts);
/* Teardown has started on the calling thread (which holds the GIL): from now on no
 * other thread takes the GIL. Never fails. */
void ou_gil_finalize(OuroRuntime *rt);
/* Switch interval in seconds (sys.getswitchinterval / setswitchinterval; the caller
 * validates). */
double ou_gil_get_interval(OuroRuntime *rt);
void ou_gil_set_interval(OuroRuntime *rt, double seconds);

/* --------------------------------------------------------------- thread.c -- */
/* Starts an OS thread running fn(arg) with a new thread state of the calling thread's
 * runtime, holding the GIL; the state is released when fn returns. Returns 0, or -1 with
 * RuntimeError("can't start new thread"). *ident receives the thread's identifier. */
int ou_thread_start(void (*fn)(void *arg), void *arg, unsigned long *ident);
/* The calling thread's identifier (threading.get_ident) and native id. Never fail. */
unsigned long ou_thread_ident(void);
unsigned long ou_thread_native_id(void);
/* Number of threads started by the runtime and still running (_thread._count). */
int ou_thread_count(OuroRuntime *rt);


/* Around a blocking wait inside the runtime (sleep, lock waits, I/O): releases the GIL if
 * it is in use and returns the state to pass to ou_blocking_end, which takes it back -
 * with priority only if the call really waited (OU_GIL_PRIORITY_NS): a thread doing many
 * quick writes must not preempt a CPU-bound one at each (docs/design/gil.md). Never fail. */
#define OU_GIL_PRIORITY_NS 100000
long long ou_gil_now_ns(void);
static inline struct OuroThreadState *ou_blocking_begin(void)
{
    struct OuroThreadState *ts = ou_current.tstate;
    if (ts && ts->gil && ts->gil->enabled) {
        ts->blocked_since_ns = ou_gil_now_ns();
        ou_gil_drop(ts->gil, ts);
    }
    return ts;
}

static inline void ou_blocking_end(struct OuroThreadState *ts)
{
    if (ts && ts->blocked_since_ns) { /* the GIL was released by ou_blocking_begin */
        long long waited = ou_gil_now_ns() - ts->blocked_since_ns;
        ts->blocked_since_ns = 0;
        ou_gil_take(ts->gil, ts, waited >= OU_GIL_PRIORITY_NS);
    }
}

/* The calling thread (holding the GIL) is ending: no forced switch until it gives the
 * GIL back for good (so that a join woken by its last act runs only after it). */
void ou_gil_no_switch(struct OuroThreadState *ts);

#endif
