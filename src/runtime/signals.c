/* src/runtime/signals.c — Ctrl-C as KeyboardInterrupt, as CPython's default SIGINT
 * handling: the C handler only records the signal and sets the eval breaker of the thread
 * to interrupt (the one that asked: the `ouro` command's main thread); that thread raises
 * KeyboardInterrupt at its next instruction boundary, or when a blocking wait it is in
 * returns (ouro_err_check_signals). Threads the runtime starts block SIGINT, so that the
 * kernel delivers it to a thread that can be interrupted (and wakes its wait with EINTR).
 * Narrative: docs/design/gil.md, "Signals". */
#include "runtime.h"
#include <signal.h>
#include <string.h>

/* The one process-wide variable of the runtime layer: a signal handler receives no
 * argument, so the runtime to interrupt is found here (CPython has the same limitation:
 * signals go to the main interpreter). Set by ouro_runtime_catch_sigint, cleared by
 * ou_signals_release when that runtime is freed. */
static _Atomic(OuroRuntime *) sigint_target;
static struct sigaction sigint_previous; /* written only while no handler is ours */

/* Records a Ctrl-C for rt's interrupted thread. Async-signal-safe (atomics only). */
static void trip(OuroRuntime *rt)
{
    struct OuroThreadState *ts = atomic_load(&rt->sigint_tstate);
    if (!ts)
        return; /* rt does not catch SIGINT */
    atomic_store(&rt->sigint_pending, 1);
    atomic_store(&ts->eval_breaker, 1);
}

static void on_sigint(int sig)
{
    (void)sig;
    OuroRuntime *rt = atomic_load(&sigint_target);
    if (rt)
        trip(rt);
}

void ou_signals_interrupt_main(OuroRuntime *rt)
{
    trip(rt);
}

OURO_API int ouro_runtime_catch_sigint(OuroRuntime *rt)
{
    struct OuroThreadState *ts = ou_current.tstate;
    if (!ts || ts->runtime != rt)
        return -1;
    OuroRuntime *expected = NULL;
    if (!atomic_compare_exchange_strong(&sigint_target, &expected, rt))
        return expected == rt ? 0 : -1; /* another runtime has it */
    atomic_store(&rt->sigint_tstate, ts);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocking read or wait returns with EINTR */
    if (sigaction(SIGINT, &sa, &sigint_previous) < 0) {
        atomic_store(&rt->sigint_tstate, NULL);
        atomic_store(&sigint_target, NULL);
        return -1;
    }
    return 0;
}

void ou_signals_release(OuroRuntime *rt)
{
    if (atomic_load(&sigint_target) != rt)
        return;
    sigaction(SIGINT, &sigint_previous, NULL);
    atomic_store(&sigint_target, NULL);
    atomic_store(&rt->sigint_tstate, NULL);
}

bool ou_sigint_interrupts(const struct OuroThreadState *ts)
{
    return ts && atomic_load(&ts->runtime->sigint_tstate) == ts;
}

bool ou_sigint_take(void)
{
    struct OuroThreadState *ts = ou_current.tstate;
    return ou_sigint_interrupts(ts) && atomic_exchange(&ts->runtime->sigint_pending, 0);
}

OURO_API int ouro_err_check_signals(void)
{
    if (!ou_sigint_take())
        return 0;
    ouro_err_set_object(&ouro_exc_KeyboardInterrupt, NULL);
    return -1;
}
