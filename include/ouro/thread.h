/* include/ouro/thread.h — threads and the GIL from C (issue 8; docs/design/gil.md).
 * One runtime has one global interpreter lock; a thread runs Python code or touches
 * objects only while it holds it. Until the runtime starts its first thread the lock
 * is not in use and every call below is (almost) free. */
#ifndef OURO_THREAD_H
#define OURO_THREAD_H

/* Releases the calling thread's GIL around blocking C code (CPython's
 * Py_BEGIN_ALLOW_THREADS). Returns the thread state to give back to
 * ouro_gil_acquire. No object may be touched until then. Never fails. */
OURO_API OuroThreadState *ouro_gil_release(void);
/* Re-acquires the GIL released by ouro_gil_release. A thread returning from a blocking
 * wait is served first (the convoy-effect fix). Never fails; never returns in a
 * non-main thread once the runtime is being torn down (the thread exits). */
OURO_API void ouro_gil_acquire(OuroThreadState *ts);
/* Runs Python from a thread that C created: creates a thread state for rt, makes it
 * current and takes the GIL. Returns the state, or NULL if out of memory.
 * ouro_thread_state_release(ts) gives the GIL back and frees the state. */
OURO_API OuroThreadState *ouro_thread_state_ensure(OuroRuntime *rt);
OURO_API void ouro_thread_state_release(OuroThreadState *ts);

#endif
