/* src/objects/typelist.c — the process-wide type table and the start of the objects layer:
 * every static type is entered in the table (its tp_id) and readied exactly once per
 * process. Classes created at run time take free entries (issue 4). */
#include "objects.h"
#include <pthread.h>

OURO_API OuroType *ouro_type_table[OURO_MAX_TYPES];

/* Class ids are handed out from OU_TID_STATIC_END up, under the lock: several runtimes of
 * one process may create classes at once. */
static struct {
    pthread_mutex_t lock;
    uint32_t next_id;
} table = { PTHREAD_MUTEX_INITIALIZER, OU_TID_STATIC_END };

int ou_type_table_add(OuroType *t, uint32_t tid)
{
    int rc = 0;
    pthread_mutex_lock(&table.lock);
    if (tid == 0 && table.next_id < OURO_MAX_TYPES)
        tid = table.next_id++;
    if (tid) {
        t->tp_id = tid;
        ouro_type_table[tid] = t;
    } else {
        rc = -1;
    }
    pthread_mutex_unlock(&table.lock);
    return rc;
}

static OuroType *const static_types[] = {
#define OU_LIST_ENTRY(t) &t,
    OU_STATIC_TYPES(OU_LIST_ENTRY)
#undef OU_LIST_ENTRY
};

int ou_exceptions_ready(void);

static int process_init_status = -1;
static pthread_once_t process_once = PTHREAD_ONCE_INIT;

static void process_init(void)
{
    ou_hash_init_secret();
    /* Ids first, all of them, so readying (which looks at bases) sees a full table. */
    for (size_t i = 0; i < OU_ARRAY_LEN(static_types); i++)
        ou_type_table_add(static_types[i], (uint32_t)(i + 1));
    for (size_t i = 0; i < OU_ARRAY_LEN(static_types); i++)
        if (ouro_type_ready(static_types[i]) < 0)
            return;
    if (ou_exceptions_ready() < 0)
        return;
    process_init_status = 0;
}

int ou_objects_process_init(void)
{
    pthread_once(&process_once, process_init);
    return process_init_status;
}
