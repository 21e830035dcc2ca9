/* src/modules/threadmodule.c — the _thread module: start_new_thread, the lock and RLock
 * types, thread identities (issue 8). Waits release the GIL. Design: docs/design/gil.md. */
#include "modules.h"
#include "runtime/gil.h"
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define OU_TIMEOUT_MAX 9223372036.0 /* as CPython on Linux (PY_TIMEOUT_MAX in seconds) */

/* The synchronisation part of a lock, in system memory with its own count: the lock
 * object holds one reference and each thread waiting on it another, so that a daemon
 * thread still parked in a wait at teardown (when the objects' heap is unmapped) never
 * sleeps on freed memory; it exits when it wakes (src/runtime/gil.c). locked is read and
 * written under mu only. */
typedef struct OuLockCore {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool locked;
    _Atomic int refs;
} OuLockCore;

/* A lock (_thread.lock) or re-entrant lock (_thread.RLock). owner and count (RLock) are
 * read and written only under the GIL. */
typedef struct OuLock {
    OuroObject ob_base;
    OuLockCore *core;
    unsigned long owner, count;
} OuLock;

static void core_decref(OuLockCore *c)
{
    if (atomic_fetch_sub(&c->refs, 1) == 1) {
        pthread_cond_destroy(&c->cv);
        pthread_mutex_destroy(&c->mu);
        free(c);
    }
}

/* Returns: a new unlocked lock of type t, or NULL with MemoryError. */
static OuroObject *lock_alloc(OuroType *t)
{
    OuLockCore *c = malloc(sizeof(*c));
    if (!c)
        return ouro_err_no_memory();
    OuLock *l = (OuLock *)ouro_object_alloc(t);
    if (!l) {
        free(c);
        return NULL;
    }
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->cv, &ca);
    pthread_condattr_destroy(&ca);
    c->locked = false;
    atomic_init(&c->refs, 1);
    l->core = c;
    l->owner = l->count = 0;
    return (OuroObject *)l;
}

static void lock_dealloc(OuroObject *o)
{
    core_decref(((OuLock *)o)->core);
    ouro_object_free(o);
}

/* How often a wait that Ctrl-C may interrupt looks for it: a condition variable is not
 * woken by signals (CPython's semaphores are). Seconds. */
#define OU_SIGINT_POLL 0.02

/* Takes the lock, waiting up to timeout seconds (< 0: for ever) without the GIL.
 * Returns 1 if acquired, 0 if not, -1 with KeyboardInterrupt (intr, and Ctrl-C in the
 * thread it interrupts: the wait ends without the lock, as CPython's). */
static int lock_take(OuLock *l, bool blocking, double timeout, bool intr)
{
    OuLockCore *c = l->core;
    pthread_mutex_lock(&c->mu);
    if (!c->locked || !blocking) {
        bool got = !c->locked;
        c->locked = true;
        pthread_mutex_unlock(&c->mu);
        return got;
    }
    pthread_mutex_unlock(&c->mu);
    struct timespec dl;
    if (timeout >= 0) {
        clock_gettime(CLOCK_MONOTONIC, &dl);
        double whole = floor(timeout);
        dl.tv_sec += (time_t)whole;
        dl.tv_nsec += (long)((timeout - whole) * 1e9);
        if (dl.tv_nsec >= 1000000000) {
            dl.tv_sec++;
            dl.tv_nsec -= 1000000000;
        }
    }
    atomic_fetch_add(&c->refs, 1); /* the wait's own reference: see OuLockCore */
    struct OuroThreadState *ts = ou_blocking_begin();
    bool interruptible = intr && ou_sigint_interrupts(ts), interrupted = false;
    pthread_mutex_lock(&c->mu);
    int rc = 0;
    while (c->locked && rc != ETIMEDOUT) {
        if (interruptible) {
            /* Short slices, looking for Ctrl-C between them. */
            struct timespec slice;
            clock_gettime(CLOCK_MONOTONIC, &slice);
            slice.tv_nsec += (long)(OU_SIGINT_POLL * 1e9);
            if (slice.tv_nsec >= 1000000000) {
                slice.tv_sec++;
                slice.tv_nsec -= 1000000000;
            }
            bool last = timeout >= 0 && (slice.tv_sec > dl.tv_sec ||
                                         (slice.tv_sec == dl.tv_sec && slice.tv_nsec >= dl.tv_nsec));
            rc = pthread_cond_timedwait(&c->cv, &c->mu, last ? &dl : &slice);
            if (rc == ETIMEDOUT && !last)
                rc = 0;
            if (c->locked && atomic_load(&ts->runtime->sigint_pending)) {
                interrupted = true;
                break;
            }
        } else {
            rc = timeout < 0 ? pthread_cond_wait(&c->cv, &c->mu)
                             : pthread_cond_timedwait(&c->cv, &c->mu, &dl);
        }
    }
    bool got = !interrupted && !c->locked;
    if (got)
        c->locked = true;
    pthread_mutex_unlock(&c->mu);
    ou_blocking_end(ts); /* does not return at teardown: the reference is kept */
    core_decref(c);
    if (interrupted)
        return ouro_err_check_signals() < 0 ? -1 : lock_take(l, blocking, timeout, intr);
    return got;
}

static void lock_give(OuLock *l)
{
    OuLockCore *c = l->core;
    pthread_mutex_lock(&c->mu);
    c->locked = false;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
}

/* Whether the lock is held (any thread). Never fails. */
static bool lock_is_locked(OuLock *l)
{
    pthread_mutex_lock(&l->core->mu);
    bool v = l->core->locked;
    pthread_mutex_unlock(&l->core->mu);
    return v;
}

/* acquire(blocking=True, timeout=-1): validates as CPython. 0 / -1 with an exception. */
static int parse_acquire(OuroObject *const *args, ouro_ssize nargs, OuroObject *kwnames,
                         bool *blocking, double *timeout)
{
    static const char *const kwlist[] = { "blocking", "timeout" };
    OuroObject *a[2] = { NULL, NULL };
    if (ou_builtin_parse_args("acquire", args, nargs, kwnames, kwlist, 2, 0, a) < 0)
        return -1;
    *blocking = true;
    *timeout = -1;
    if (a[0]) {
        int t = ouro_object_is_true(a[0]);
        if (t < 0)
            return -1;
        *blocking = t;
    }
    if (a[1]) {
        *timeout = ouro_float_as_double(a[1]);
        if (*timeout == -1.0 && ouro_err_occurred())
            return -1;
    }
    if (!*blocking && *timeout != -1) {
        ouro_err_set_string(&ouro_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (*timeout < 0 && *timeout != -1) {
        ouro_err_set_string(&ouro_exc_ValueError, "timeout value must be a non-negative number");
        return -1;
    }
    if (*timeout > OU_TIMEOUT_MAX) {
        ouro_err_set_string(&ouro_exc_OverflowError, "timeout value is too large");
        return -1;
    }
    return 0;
}

static OuroObject *lock_acquire(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    bool blocking;
    double timeout;
    if (parse_acquire(args, nargs, kwnames, &blocking, &timeout) < 0)
        return NULL;
    int got = lock_take((OuLock *)self, blocking, timeout, true);
    return got < 0 ? NULL : ouro_bool_from_long(got);
}

static OuroObject *lock_release(OuroObject *self, OuroObject *unused)
{
    OuLock *l = (OuLock *)self;
    if (!lock_is_locked(l))
        return ouro_err_format(&ouro_exc_RuntimeError, "release unlocked lock");
    lock_give(l);
    return OURO_NEWREF(OURO_NONE);
}

static OuroObject *lock_exit(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return lock_release(self, NULL);
}

static OuroObject *lock_locked(OuroObject *self, OuroObject *unused)
{
    return ouro_bool_from_long(lock_is_locked((OuLock *)self));
}

static OuroObject *lock_repr(OuroObject *self)
{
    OuLock *l = (OuLock *)self;
    return ouro_str_from_format("<%s %s object at %p>", lock_is_locked(l) ? "locked" : "unlocked",
                                OURO_TYPE(self)->tp_name, (void *)self);
}

static const OuroMethodDef lock_methods[] = {
    { "acquire", OURO_METH(lock_acquire), OURO_METH_FASTCALL | OURO_METH_KEYWORDS,
      "Lock the lock." },
    { "acquire_lock", OURO_METH(lock_acquire), OURO_METH_FASTCALL | OURO_METH_KEYWORDS,
      "An obsolete synonym of acquire()." },
    { "__enter__", OURO_METH(lock_acquire), OURO_METH_FASTCALL | OURO_METH_KEYWORDS,
      "Lock the lock." },
    { "release", OURO_METH(lock_release), OURO_METH_NOARGS, "Release the lock." },
    { "release_lock", OURO_METH(lock_release), OURO_METH_NOARGS,
      "An obsolete synonym of release()." },
    { "__exit__", OURO_METH(lock_exit), OURO_METH_FASTCALL, "Release the lock." },
    { "locked", OURO_METH(lock_locked), OURO_METH_NOARGS, "Test whether the lock is locked." },
    { "locked_lock", OURO_METH(lock_locked), OURO_METH_NOARGS,
      "An obsolete synonym of locked()." },
    { NULL, NULL, 0, NULL },
};

OuroType ou_thread_lock_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(OuLock),
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_methods = lock_methods,
    .tp_doc = "A lock object is a synchronization primitive.",
};

/* ------------------------------------------------------------------- RLock -- */

static OuroObject *rlock_acquire(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                 OuroObject *kwnames)
{
    OuLock *l = (OuLock *)self;
    bool blocking;
    double timeout;
    if (parse_acquire(args, nargs, kwnames, &blocking, &timeout) < 0)
        return NULL;
    unsigned long me = ou_thread_ident();
    if (l->count > 0 && l->owner == me) {
        l->count++;
        return ouro_bool_from_long(true);
    }
    int got = lock_take(l, blocking, timeout, true);
    if (got <= 0)
        return got < 0 ? NULL : ouro_bool_from_long(false);
    l->owner = me;
    l->count = 1;
    return ouro_bool_from_long(true);
}

static OuroObject *rlock_release(OuroObject *self, OuroObject *unused)
{
    OuLock *l = (OuLock *)self;
    if (l->count == 0 || l->owner != ou_thread_ident())
        return ouro_err_format(&ouro_exc_RuntimeError, "cannot release un-acquired lock");
    if (--l->count == 0) {
        l->owner = 0;
        lock_give(l);
    }
    return OURO_NEWREF(OURO_NONE);
}

static OuroObject *rlock_exit(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return rlock_release(self, NULL);
}

static OuroObject *rlock_is_owned(OuroObject *self, OuroObject *unused)
{
    OuLock *l = (OuLock *)self;
    return ouro_bool_from_long(l->count > 0 && l->owner == ou_thread_ident());
}

static OuroObject *rlock_recursion_count(OuroObject *self, OuroObject *unused)
{
    OuLock *l = (OuLock *)self;
    return ouro_int_from_int64(l->count > 0 && l->owner == ou_thread_ident()
                               ? (int64_t)l->count : 0);
}

/* _release_save(): releases completely, returns (count, owner) for _acquire_restore
 * (Condition.wait). */
static OuroObject *rlock_release_save(OuroObject *self, OuroObject *unused)
{
    OuLock *l = (OuLock *)self;
    if (l->count == 0)
        return ouro_err_format(&ouro_exc_RuntimeError, "cannot release un-acquired lock");
    OuroObject *c = ouro_int_from_int64((int64_t)l->count);
    OuroObject *o = c ? ouro_int_from_uint64(l->owner) : NULL;
    OuroObject *t = o ? ouro_tuple_pack(2, c, o) : NULL;
    OURO_XDECREF(c);
    OURO_XDECREF(o);
    if (!t)
        return NULL;
    l->count = 0;
    l->owner = 0;
    lock_give(l);
    return t;
}

static OuroObject *rlock_acquire_restore(OuroObject *self, OuroObject *state)
{
    OuLock *l = (OuLock *)self;
    if (!ouro_tuple_check(state) || OURO_TUPLE_SIZE(state) != 2)
        return ouro_err_format(&ouro_exc_TypeError, "_acquire_restore() argument must be a 2-tuple");
    int64_t count = ouro_int_as_int64(OURO_TUPLE_ITEMS(state)[0]);
    uint64_t owner = ouro_int_as_uint64(OURO_TUPLE_ITEMS(state)[1]);
    if (ouro_err_occurred())
        return NULL;
    lock_take(l, true, -1, false); /* not interruptible, as CPython's _acquire_restore */
    l->owner = (unsigned long)owner;
    l->count = (unsigned long)count;
    return OURO_NEWREF(OURO_NONE);
}

static OuroObject *rlock_new(OuroType *t, OuroObject *args, OuroObject *kwargs)
{
    return lock_alloc(t);
}

static OuroObject *rlock_repr(OuroObject *self)
{
    OuLock *l = (OuLock *)self;
    return ouro_str_from_format("<%s %s object owner=%lu count=%lu at %p>",
                                l->count ? "locked" : "unlocked", OURO_TYPE(self)->tp_name,
                                l->owner, l->count, (void *)self);
}

static const OuroMethodDef rlock_methods[] = {
    { "acquire", OURO_METH(rlock_acquire), OURO_METH_FASTCALL | OURO_METH_KEYWORDS,
      "Lock the lock." },
    { "__enter__", OURO_METH(rlock_acquire), OURO_METH_FASTCALL | OURO_METH_KEYWORDS,
      "Lock the lock." },
    { "release", OURO_METH(rlock_release), OURO_METH_NOARGS, "Release the lock." },
    { "__exit__", OURO_METH(rlock_exit), OURO_METH_FASTCALL, "Release the lock." },
    { "_is_owned", OURO_METH(rlock_is_owned), OURO_METH_NOARGS,
      "For internal use by `threading.Condition`." },
    { "_recursion_count", OURO_METH(rlock_recursion_count), OURO_METH_NOARGS,
      "For internal use by reentrancy checks." },
    { "_release_save", OURO_METH(rlock_release_save), OURO_METH_NOARGS,
      "For internal use by `threading.Condition`." },
    { "_acquire_restore", OURO_METH(rlock_acquire_restore), OURO_METH_O,
      "For internal use by `threading.Condition`." },
    { NULL, NULL, 0, NULL },
};

OuroType ou_thread_rlock_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(OuLock),
    .tp_flags = OURO_TPFLAG_BASETYPE,
    .tp_dealloc = lock_dealloc,
    .tp_repr = rlock_repr,
    .tp_methods = rlock_methods,
    .tp_new = rlock_new,
    .tp_doc = "A reentrant lock.",
};

/* ------------------------------------------------------------- the threads -- */

/* What a new thread runs (all owned): func(*args, **kwargs), then releases done (a
 * locked _thread.lock or NULL) as its very last act. */
typedef struct ThreadArgs {
    OuroObject *func, *args, *kwargs, *done;
} ThreadArgs;

static void thread_run(void *p)
{
    ThreadArgs *a = p;
    OuroObject *r = ouro_object_call(a->func, a->args, a->kwargs);
    if (!r) {
        if (ouro_err_matches(&ouro_exc_SystemExit))
            ouro_err_clear();
        else
            ouro_err_write_unraisable_msg("in thread started by", a->func);
    }
    OURO_XDECREF(r);
    OURO_DECREF(a->func);
    OURO_DECREF(a->args);
    OURO_XDECREF(a->kwargs);
    if (a->done) {
        /* No switch from here: whoever joins runs once this thread is gone. */
        ou_gil_no_switch(ou_tstate());
        lock_give((OuLock *)a->done);
        OURO_DECREF(a->done);
    }
    free(a);
}

/* start_new_thread(function, args[, kwargs]) and the private _start_joinable(function,
 * args, kwargs, done_lock) of threading. */
static OuroObject *start_thread(const char *name, OuroObject *const *args, ouro_ssize nargs,
                                bool joinable)
{
    if (ou_builtin_check_nargs(name, nargs, joinable ? 4 : 2, joinable ? 4 : 3) < 0)
        return NULL;
    OuroObject *func = args[0], *targs = args[1];
    OuroObject *kw = nargs > 2 && args[2] != OURO_NONE ? args[2] : NULL;
    if (!OURO_TYPE(func)->tp_call && !OURO_TYPE(func)->tp_vectorcall)
        return ouro_err_format(&ouro_exc_TypeError, "first arg must be callable");
    if (!ouro_tuple_check(targs))
        return ouro_err_format(&ouro_exc_TypeError, "2nd arg must be a tuple");
    if (kw && !ouro_dict_check(kw))
        return ouro_err_format(&ouro_exc_TypeError, "optional 3rd arg must be a dictionary");
    OuroObject *done = joinable ? args[3] : NULL;
    if (done && OURO_TYPE(done) != &ou_thread_lock_type)
        return ouro_err_format(&ouro_exc_TypeError, "done must be a lock");
    ThreadArgs *a = malloc(sizeof(*a));
    if (!a)
        return ouro_err_no_memory();
    *a = (ThreadArgs){ OURO_NEWREF(func), OURO_NEWREF(targs), kw ? OURO_NEWREF(kw) : NULL,
                       done ? OURO_NEWREF(done) : NULL };
    unsigned long ident;
    if (ou_thread_start(thread_run, a, &ident) < 0) {
        OURO_DECREF(a->func);
        OURO_DECREF(a->args);
        OURO_XDECREF(a->kwargs);
        OURO_XDECREF(a->done);
        free(a);
        return NULL;
    }
    return ouro_int_from_uint64(ident);
}

static OuroObject *th_start_new_thread(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return start_thread("start_new_thread", args, nargs, false);
}

static OuroObject *th_start_joinable(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return start_thread("_start_joinable", args, nargs, true);
}

static OuroObject *th_allocate_lock(OuroObject *self, OuroObject *unused)
{
    return lock_alloc(&ou_thread_lock_type);
}

static OuroObject *th_get_ident(OuroObject *self, OuroObject *unused)
{
    return ouro_int_from_uint64(ou_thread_ident());
}

static OuroObject *th_get_native_id(OuroObject *self, OuroObject *unused)
{
    return ouro_int_from_uint64(ou_thread_native_id());
}

static OuroObject *th_count(OuroObject *self, OuroObject *unused)
{
    return ouro_int_from_int64(ou_thread_count(ouro_runtime_current()));
}

static OuroObject *th_exit(OuroObject *self, OuroObject *unused)
{
    ouro_err_set_string(&ouro_exc_SystemExit, NULL);
    return NULL;
}

static OuroObject *th_stack_size(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("stack_size", nargs, 0, 1) < 0)
        return NULL;
    return ouro_int_from_int64(0); /* the default: threads get 8 MiB stacks */
}

/* interrupt_main(signum=SIGINT, /): as if the signal had arrived. Only SIGINT has a
 * Python-level handler in ouro (KeyboardInterrupt, when the runtime catches it); for any
 * other valid signal there is nothing to run, as CPython with no handler installed.
 * Returns None, or NULL with TypeError/ValueError. */
static OuroObject *th_interrupt_main(OuroObject *m, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("interrupt_main", nargs, 0, 1) < 0)
        return NULL;
    long long signum = SIGINT;
    if (nargs == 1) {
        OuroObject *i = ouro_number_index(args[0]);
        if (!i)
            return NULL;
        signum = ouro_int_as_int64(i);
        OURO_DECREF(i);
        if (signum == -1 && ouro_err_occurred())
            return NULL;
    }
    if (signum < 1 || signum >= NSIG)
        return ouro_err_format(&ouro_exc_ValueError, "signal number out of range");
    if (signum == SIGINT)
        ou_signals_interrupt_main(ou_tstate()->runtime);
    return OURO_NEWREF(OURO_NONE);
}

static const OuroMethodDef thread_functions[] = {
    { "interrupt_main", OURO_METH(th_interrupt_main), OURO_METH_FASTCALL,
      "Simulate the arrival of the given signal (SIGINT by default) in the main thread." },
    { "start_new_thread", OURO_METH(th_start_new_thread), OURO_METH_FASTCALL,
      "Start a new thread and return its identifier." },
    { "start_new", OURO_METH(th_start_new_thread), OURO_METH_FASTCALL,
      "An obsolete synonym of start_new_thread()." },
    { "_start_joinable", OURO_METH(th_start_joinable), OURO_METH_FASTCALL,
      "Start a thread that releases a lock when it has ended (for threading)." },
    { "allocate_lock", OURO_METH(th_allocate_lock), OURO_METH_NOARGS,
      "Create a new lock object." },
    { "allocate", OURO_METH(th_allocate_lock), OURO_METH_NOARGS,
      "An obsolete synonym of allocate_lock()." },
    { "get_ident", OURO_METH(th_get_ident), OURO_METH_NOARGS,
      "Return a non-zero integer that uniquely identifies the current thread." },
    { "get_native_id", OURO_METH(th_get_native_id), OURO_METH_NOARGS,
      "Return the native integral Thread ID of the current thread." },
    { "_count", OURO_METH(th_count), OURO_METH_NOARGS,
      "Return the number of currently running Python threads." },
    { "exit", OURO_METH(th_exit), OURO_METH_NOARGS, "Raise SystemExit." },
    { "stack_size", OURO_METH(th_stack_size), OURO_METH_FASTCALL,
      "Return the thread stack size used when creating new threads." },
    { NULL, NULL, 0, NULL },
};

OuroObject *ou_thread_module_create(void)
{
    OuroObject *m = ou_module_from_defs("_thread", thread_functions,
                                        "This module provides primitive operations to write "
                                        "multi-threaded programs.");
    if (!m)
        return NULL;
    OuroObject *d = ou_module_dict(m);
    OuroObject *tmax = ouro_float_from_double(OU_TIMEOUT_MAX);
    int rc = tmax ? ouro_dict_set_item_str(d, "TIMEOUT_MAX", tmax) : -1;
    OURO_XDECREF(tmax);
    if (rc < 0 ||
        ouro_dict_set_item_str(d, "LockType", (OuroObject *)&ou_thread_lock_type) < 0 ||
        ouro_dict_set_item_str(d, "RLock", (OuroObject *)&ou_thread_rlock_type) < 0 ||
        ouro_dict_set_item_str(d, "error", (OuroObject *)&ouro_exc_RuntimeError) < 0) {
        OURO_DECREF(m);
        return NULL;
    }
    return m;
}

/* ------------------------------------------------------------- threading -- */

/* The Python source of threading (threading_py.c). */
extern const char ou_threading_py_source[];

/* threading: a fresh module running the Python source. New reference, or NULL. */
OuroObject *ou_threading_module_create(void)
{
    return ou_module_frozen("threading", ou_threading_py_source);
}

/* Waits for the non-daemon threads, as CPython's Py_FinalizeEx does first: calls
 * threading._shutdown() if the program imported threading (errors are reported as
 * unraisable). Never fails. */
void ou_threading_shutdown(void)
{
    OuroRuntime *rt = ouro_runtime_current();
    OuInterp *in = rt ? rt->lang : NULL;
    OuroObject *mod = in && in->modules ? ouro_dict_get_item_str(in->modules, "threading") : NULL;
    if (!mod || !OURO_IS_TYPE(mod, &ou_module_type))
        return;
    OuroObject *fn = ouro_dict_get_item_str(ou_module_dict(mod), "_shutdown");
    if (!fn)
        return;
    OURO_INCREF(fn);
    OuroObject *r = ouro_object_vectorcall(fn, NULL, 0, NULL);
    if (!r)
        ouro_err_write_unraisable_msg("in threading._shutdown", fn);
    OURO_XDECREF(r);
    OURO_DECREF(fn);
}
