/* src/objects/iterobject.c — the sequence iterator ("iterator"): iter(o) for objects that
 * have __getitem__ but no __iter__, calling o[0], o[1], ... until IndexError or
 * StopIteration, as CPython's PySeqIter. */
#include "objects.h"

typedef struct OuSeqIter {
    OuroObject ob_base;
    OuroObject *seq;      /* NULL once exhausted */
    int64_t index;
} OuSeqIter;

static int seqiter_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuSeqIter *it = (OuSeqIter *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static int seqiter_clear(OuroObject *o)
{
    OURO_CLEAR(((OuSeqIter *)o)->seq);
    return 0;
}

static void seqiter_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    seqiter_clear(o);
    ouro_object_free(o);
}

bool ou_seqiter_applies(OuroObject *o)
{
    OuroType *t = OURO_TYPE(o);
    if (ouro_dict_check(o))
        return false;
    return (t->tp_as_sequence && t->tp_as_sequence->sq_item) ||
           ((t->tp_flags & OURO_TPFLAG_HEAPTYPE) && t->tp_as_mapping &&
            t->tp_as_mapping->mp_subscript);
}

OuroObject *ou_seqiter_new(OuroObject *seq)
{
    OuSeqIter *it = (OuSeqIter *)ouro_object_alloc(&ou_seqiter_type);
    if (!it)
        return NULL;
    it->seq = OURO_NEWREF(seq);
    ouro_gc_track((OuroObject *)it);
    return (OuroObject *)it;
}

static OuroObject *seqiter_next(OuroObject *o)
{
    OuSeqIter *it = (OuSeqIter *)o;
    if (!it->seq)
        return NULL;
    OuroObject *i = ouro_int_from_int64(it->index);
    OuroObject *r = i ? ouro_object_getitem(it->seq, i) : NULL;
    OURO_XDECREF(i);
    if (r) {
        it->index++;
        return r;
    }
    if (ouro_err_matches(&ouro_exc_IndexError) || ouro_err_matches(&ouro_exc_StopIteration)) {
        ouro_err_clear();
        OURO_CLEAR(it->seq);
    }
    return NULL;
}

OuroType ou_seqiter_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "iterator",
    .tp_basicsize = sizeof(OuSeqIter),
    .tp_flags = OURO_TPFLAG_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_clear = seqiter_clear,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = seqiter_next,
};
