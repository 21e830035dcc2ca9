/* src/lang/cellobject.c — cells: the boxes that closures share a variable through. */
#include "eval.h"

/* Returns: new reference, or NULL with MemoryError. value is borrowed (NULL: empty). */
OuroObject *ou_cell_new(OuroObject *value)
{
    OuCell *c = (OuCell *)ouro_object_alloc(&ou_cell_type);
    if (!c)
        return NULL;
    c->ob_ref = value;
    OURO_XINCREF(value);
    ouro_gc_track((OuroObject *)c);
    return (OuroObject *)c;
}

static void cell_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    OURO_CLEAR(((OuCell *)o)->ob_ref);
    ouro_object_free(o);
}

static int cell_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroObject *v = ((OuCell *)o)->ob_ref;
    return v ? visit(v, arg) : 0;
}

static int cell_clear(OuroObject *o)
{
    OURO_CLEAR(((OuCell *)o)->ob_ref);
    return 0;
}

static OuroObject *cell_repr(OuroObject *o)
{
    OuroObject *v = ((OuCell *)o)->ob_ref;
    if (!v)
        return ouro_str_from_format("<cell at %p: empty>", (void *)o);
    return ouro_str_from_format("<cell at %p: %s object at %p>", (void *)o,
                                OURO_TYPE_NAME(v), (void *)v);
}

static OuroObject *cell_richcompare(OuroObject *a, OuroObject *b, int op)
{
    if (!OURO_IS_TYPE(b, &ou_cell_type))
        OURO_RETURN_NOTIMPLEMENTED;
    OuroObject *x = ((OuCell *)a)->ob_ref, *y = ((OuCell *)b)->ob_ref;
    if (x && y)
        return ouro_object_richcompare(x, y, op);
    /* Empty cells sort before full ones (CPython's rule). */
    int cx = x != NULL, cy = y != NULL, r;
    switch (op) {
    case OURO_LT: r = cx < cy; break;
    case OURO_LE: r = cx <= cy; break;
    case OURO_EQ: r = cx == cy; break;
    case OURO_NE: r = cx != cy; break;
    case OURO_GT: r = cx > cy; break;
    default: r = cx >= cy; break;
    }
    return OURO_NEWREF(r ? ouro_true : ouro_false);
}

static OuroObject *cell_get_contents(OuroObject *o, void *c)
{
    OuroObject *v = ((OuCell *)o)->ob_ref;
    if (!v)
        return ouro_err_format(&ouro_exc_ValueError, "Cell is empty");
    return OURO_NEWREF(v);
}

static int cell_set_contents(OuroObject *o, OuroObject *v, void *c)
{
    OURO_XINCREF(v);
    OURO_SETREF(((OuCell *)o)->ob_ref, v);
    return 0;
}

static const OuroGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

OuroType ou_cell_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "cell",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuCell),
    .tp_dealloc = cell_dealloc,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_repr = cell_repr,
    .tp_hash = ouro_hash_not_implemented,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getset,
};
