/* src/base/current.h — the one thread-local: pointers to the structures of the runtime the
 * calling thread is running in. Each layer reads only its own field, so no layer reaches up.
 * The runtime sets all of them when a thread state becomes current (docs/internals/layers.md). */
#ifndef OU_CURRENT_H
#define OU_CURRENT_H

struct OuHeap;
struct OuGCState;
struct OuObjState;
struct OuroThreadState;

typedef struct OuCurrent {
    struct OuHeap *heap;             /* the allocator heap (src/mem) */
    struct OuObjState *objs;         /* the objects layer's state (src/objects) */
    struct OuGCState *gc;            /* the collector's state (src/gc) */
    struct OuroThreadState *tstate;  /* the thread state (src/runtime) */
} OuCurrent;

extern _Thread_local OuCurrent ou_current __attribute__((tls_model("initial-exec")));

#endif
