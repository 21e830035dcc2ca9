/* src/runtime/runtime.h — the runtime: one heap, one collector, one set of thread states
 * (and, from issue 8, one GIL). Internal. */
#ifndef OU_RUNTIME_H
#define OU_RUNTIME_H

#include "tstate.h"
#include "objects/objects.h"
#include "gc/gc.h"

struct OuroRuntime {
    OuHeap *heap;
    OuObjState objs;
    OuGCState gc;
    struct OuroThreadState *tstates;   /* main thread state first */
    OuCurrent previous;                /* what was current before this runtime started */
    /* The language's per-runtime state (src/lang/interp.c installs both on first use):
     * torn down by ouro_runtime_free before the objects layer, as a hook so that the
     * runtime does not depend on the layers above it. */
    void *lang;
    void (*lang_fini)(struct OuroRuntime *rt);
    /* The language's exception printer with traceback (ou_print_exception_alone: no
     * chain, as CPython's unraisable hook), installed by
     * src/lang/interp.c; NULL: ouro_err_write_unraisable prints "Type: message" only.
     * A hook, so that the runtime does not call upward (issue 5). */
    void (*print_exception)(OuroObject *exc);
    /* Issue 8: the GIL (src/runtime/gil.h), created with the runtime, in use from the
     * first thread start. */
    struct OuGil *gil;
    /* Ctrl-C (src/runtime/signals.c): set by the SIGINT handler, taken by the thread it
     * interrupts (sigint_tstate, NULL while the runtime does not catch SIGINT). */
    _Atomic int sigint_pending;
    _Atomic(struct OuroThreadState *) sigint_tstate;
    bool finalizing;                   /* ouro_runtime_free has begun (sys.is_finalizing) */
    /* sys.unraisablehook (src/modules/sysmodule.c installs it with the language): reports
     * exc (borrowed) with err_msg (the whole heading, or NULL) and obj (or NULL) through a
     * hook the program set; 0 when there is none (the runtime prints its report). */
    int (*unraisable_hook)(OuroObject *exc, const char *err_msg, OuroObject *obj);
};

/* ----------------------------------------------------------------- errors.c -- */
/* The default report of an unraisable exception, as CPython's sys.unraisablehook prints
 * it: "<err_msg or 'Exception ignored in'>: <repr of obj>" (or "<err_msg>:" without an
 * object), then the traceback. Borrows everything. Never fails. */
void ou_err_print_unraisable(OuroObject *exc, const char *err_msg, OuroObject *obj);

/* ---------------------------------------------------------------- signals.c -- */
/* Puts back the SIGINT handler that ouro_runtime_catch_sigint replaced, if rt caught it.
 * Never fails. */
void ou_signals_release(OuroRuntime *rt);
/* Whether Ctrl-C is delivered to ts as KeyboardInterrupt (its blocking waits must then
 * wake up to look). Never fails. */
bool ou_sigint_interrupts(const struct OuroThreadState *ts);
/* As if Ctrl-C had been pressed (_thread.interrupt_main): nothing when rt does not catch
 * SIGINT, as CPython when SIGINT has no Python handler. Never fails. */
void ou_signals_interrupt_main(OuroRuntime *rt);
/* Takes a pending Ctrl-C meant for the calling thread: true if there was one (the caller
 * reacts itself, as the REPL at its prompt). Never fails. */
bool ou_sigint_take(void);

#endif
