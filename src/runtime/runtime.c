/* src/runtime/runtime.c — creating and destroying a runtime and its main thread state. */
#include "runtime.h"
#include "gil.h"   /* issue 8 */
#include <stdlib.h>

#define OU_DEFAULT_RECURSION_LIMIT 1000

OURO_API OuroRuntime *ouro_runtime_current(void)
{
    return ou_current.tstate ? ou_current.tstate->runtime : NULL;
}

static struct OuroThreadState *tstate_new(OuroRuntime *rt)
{
    /* Thread states come from the system allocator: they outlive the heap's teardown. */
    struct OuroThreadState *ts = calloc(1, sizeof(*ts));
    if (!ts)
        return NULL;
    ts->runtime = rt;
    ts->recursion_limit = OU_DEFAULT_RECURSION_LIMIT;
    ts->next_tstate = rt->tstates;
    rt->tstates = ts;
    return ts;
}

OURO_API OuroRuntime *ouro_runtime_new(void)
{
    if (ou_space_init() < 0 || ou_objects_process_init() < 0)
        return NULL;
    OuroRuntime *rt = calloc(1, sizeof(*rt));
    if (!rt)
        return NULL;
    rt->previous = ou_current;
    rt->heap = ou_heap_new();
    rt->gil = ou_gil_new(); /* issue 8 */
    struct OuroThreadState *ts = rt->heap && rt->gil ? tstate_new(rt) : NULL;
    if (!ts) {
        if (rt->heap)
            ou_heap_delete(rt->heap);
        ou_gil_free(rt->gil);
        free(rt);
        return NULL;
    }
    ts->gil = rt->gil;
    ou_current = (OuCurrent){ .heap = rt->heap, .objs = &rt->objs, .gc = &rt->gc, .tstate = ts };
    if (ou_gc_init(&rt->gc) < 0) {
        ou_current = rt->previous;
        ou_heap_delete(rt->heap);
        ou_gil_free(rt->gil);
        free(ts);
        free(rt);
        return NULL;
    }
    if (ou_objects_init(&rt->objs) < 0) {
        ouro_runtime_free(rt);
        return NULL;
    }
    return rt;
}

OURO_API uint64_t ouro_runtime_free(OuroRuntime *rt)
{
    OU_ASSERT(ou_current.tstate && ou_current.tstate->runtime == rt);
    ou_signals_release(rt);
    rt->finalizing = true;
    /* Issue 8: from here on no other thread runs (the language already did this after
     * threading._shutdown; embedders without the language get it here). */
    ou_gil_finalize(rt);
    /* Issue 5: collect the cycles that are garbage at exit while the language is intact
     * (their finalizers may run Python code), then again once modules and their
     * function <-> globals cycles are dropped, as CPython's finalization does. */
    ou_gc_clear_lists(&rt->gc);
    if (rt->lang_fini) {
        ou_gc_collect_final();
        rt->lang_fini(rt);
    }
    ou_gc_clear_lists(&rt->gc);
    ou_gc_collect_final();
    for (struct OuroThreadState *ts = rt->tstates; ts; ts = ts->next_tstate) {
        OURO_CLEAR(ts->curexc);
        OURO_CLEAR(ts->exc_info);
    }
    ou_objects_fini(&rt->objs);
    ou_gc_fini(&rt->gc);
    OuroMemStats st;
    ou_heap_stats(rt->heap, &st);
    uint64_t leaked = st.bytes_in_use;
    /* Issue 8: daemon threads still alive own frames and objects that teardown cannot
     * free (as in CPython): no leak is reported then. */
    if (rt->gil->nthreads)
        leaked = 0;
    ou_heap_delete(rt->heap);
    while (rt->tstates) {
        struct OuroThreadState *ts = rt->tstates;
        rt->tstates = ts->next_tstate;
        /* Issue 8: the state of a thread still alive (a daemon parked on the GIL or in a
         * blocking call) stays allocated: the thread reads its `gil` once more on waking,
         * then exits (src/runtime/gil.c). */
        if (ts == ou_current.tstate || !rt->gil->nthreads)
            free(ts);
    }
    ou_gil_free(rt->gil);
    ou_current = rt->previous;
    free(rt);
    return leaked;
}
