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
    uint32_t nfree;                 /* ids of dead classes, reused first */
    uint32_t free_ids[OURO_MAX_TYPES];
} table = { PTHREAD_MUTEX_INITIALIZER, OU_TID_STATIC_END, 0, { 0 } };

int ou_type_table_add(OuroType *t, uint32_t tid)
{
    int rc = 0;
    pthread_mutex_lock(&table.lock);
    if (tid == 0 && table.nfree)
        tid = table.free_ids[--table.nfree];
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

void ou_type_table_remove(OuroType *t)
{
    pthread_mutex_lock(&table.lock);
    if (t->tp_id >= OU_TID_STATIC_END && ouro_type_table[t->tp_id] == t) {
        ouro_type_table[t->tp_id] = NULL;
        table.free_ids[table.nfree++] = t->tp_id;
    }
    pthread_mutex_unlock(&table.lock);
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
