/* src/objects/objstate.c — the per-runtime state of the objects layer: created when a
 * runtime starts, released (with everything it holds) when it ends. */
#include "objects.h"

OuObjState *ou_objstate(void)
{
    return ou_current.objs;
}

int ou_objects_init(OuObjState *st)
{
    st->int_max_str_digits = 4300; /* CPython 3.11's default (sys.int_info) */
    /* MemoryError is made now, while memory is plentiful, so raising it never allocates. */
    st->memory_error = ouro_exception_new(&ouro_exc_MemoryError, NULL);
    return st->memory_error ? 0 : -1;
}

void ou_objects_fini(OuObjState *st)
{
    /* Tuples that die from here on are freed at once: nothing would empty the lists. */
    st->tuple_free_closed = true;
    ou_tuple_clear_freelists(st);
    ou_types_fini(st); /* classes and type dicts first: they hold interned names */
    OURO_CLEAR(st->memory_error);
    ou_str_fini_interned(st);
}
