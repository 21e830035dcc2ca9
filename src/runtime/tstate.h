/* src/runtime/tstate.h — the thread state: what each thread running Python code owns.
 * The objects layer may read it (errors and deallocation depth: the declared exception in
 * docs/internals/layers.md); everything else about the runtime is in runtime.h. */
#ifndef OU_TSTATE_H
#define OU_TSTATE_H

#include "ouro.h"
#include "base/current.h"
#include <stdatomic.h> /* eval_breaker: set by other threads (issue 8) */

struct OuroThreadState {
    struct OuroRuntime *runtime;
    OuroObject *curexc;          /* the exception being raised (owned), or NULL */
    OuroObject *exc_info;        /* the exception being handled (sys.exc_info), or NULL */
    int dealloc_depth;           /* nesting of ouro_dealloc calls (the trashcan) */
    OuroObject *trash_later;     /* untracked GC objects whose dealloc was deferred,
                                    chained through their GC header's gc_prev */
    int recursion_depth, recursion_limit;
    OuroObject **repr_stack;     /* containers whose repr is being built (recursion guard) */
    int repr_len, repr_cap;
    struct OuroThreadState *next_tstate; /* the runtime's list of thread states */
    /* The language's evaluation loop (src/lang/eval.h): */
    _Atomic int eval_breaker;    /* set to ask the running loop to stop and look (GIL,
                                    signals); checked at backward jumps and calls */
    struct OuFrame *current_frame;      /* innermost Python frame, or NULL */
    struct OuStackChunk *datastack_chunk; /* frame memory: the current chunk or NULL */
    OuroObject **datastack_top, **datastack_limit;
    int c_eval_depth;            /* nested C activations of the evaluation loop */
    char *c_stack_base;          /* the C stack address at the outermost one */
    /* Issue 8 (src/runtime/gil.h): the runtime's GIL, kept here so that a thread waking
     * from a blocking call after teardown can find it without the (freed) runtime. */
    struct OuGil *gil;
    long long blocked_since_ns;  /* when the current blocking call released the GIL */
};

/* The calling thread's thread state (the runtime must be current). Borrowed. */
static inline struct OuroThreadState *ou_tstate(void) { return ou_current.tstate; }

#endif
