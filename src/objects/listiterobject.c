/* src/objects/listiterobject.c — the list iterators: list_iterator (iter(l)) and
 * list_reverseiterator (reversed(l)). Both walk by index over the live list, so a list
 * that changes under them is never read out of bounds. */
#include "sequence.h"

/* list_iterator: forward by index, so items appended while iterating are seen, and a
 * list that shrinks simply ends the iteration early. */
typedef struct ListIter {
    OuroObject ob_base;
    ouro_ssize it_index;
    OuroObject *it_seq; /* the list; NULL once exhausted */
} ListIter;

OuroObject *ou_list_iter(OuroObject *seq)
{
    ListIter *it = (ListIter *)ouro_object_alloc(&ou_list_iter_type);
    if (!it)
        return NULL;
    it->it_index = 0;
    it->it_seq = OURO_NEWREF(seq);
    ouro_gc_track((OuroObject *)it);
    return (OuroObject *)it;
}

static void listiter_dealloc(OuroObject *op)
{
    ouro_gc_untrack(op);
    OURO_XDECREF(((ListIter *)op)->it_seq);
    ouro_object_free(op);
}

static int listiter_traverse(OuroObject *op, ouro_visitproc visit, void *arg)
{
    OuroObject *seq = ((ListIter *)op)->it_seq;
    return seq ? visit(seq, arg) : 0;
}

static int listiter_clear(OuroObject *op)
{
    OURO_CLEAR(((ListIter *)op)->it_seq);
    return 0;
}

static OuroObject *listiter_next(OuroObject *op)
{
    ListIter *it = (ListIter *)op;
    OuroObject *seq = it->it_seq;
    if (!seq)
        return NULL;
    if (it->it_index < OURO_LIST_SIZE(seq))
        return OURO_NEWREF(OURO_LIST_GET(seq, it->it_index++));
    it->it_seq = NULL;
    OURO_DECREF(seq);
    return NULL;
}

ouro_ssize ou_listiter_length_hint(OuroObject *op)
{
    ListIter *it = (ListIter *)op;
    if (it->it_seq) {
        ouro_ssize len = OURO_LIST_SIZE(it->it_seq) - it->it_index;
        if (len >= 0)
            return len;
    }
    return 0;
}

static OuroObject *listiter_length_hint(OuroObject *op, OuroObject *unused)
{
    return ouro_int_from_ssize(ou_listiter_length_hint(op));
}

static OuroObject *listiter_setstate(OuroObject *op, OuroObject *state)
{
    ListIter *it = (ListIter *)op;
    ouro_ssize index = ouro_number_as_ssize(state, NULL);
    if (index == -1 && ouro_err_occurred())
        return NULL;
    if (it->it_seq) {
        if (index < 0)
            index = 0;
        else if (index > OURO_LIST_SIZE(it->it_seq))
            index = OURO_LIST_SIZE(it->it_seq); /* exhausted */
        it->it_index = index;
    }
    OURO_RETURN_NONE;
}

static const OuroMethodDef listiter_methods[] = {
    { "__length_hint__", OURO_METH(listiter_length_hint), OURO_METH_NOARGS,
      "Private method returning an estimate of len(list(it))." },
    { "__setstate__", OURO_METH(listiter_setstate), OURO_METH_O,
      "Set state information for unpickling." },
    { NULL, NULL, 0, NULL },
};

/* list_reverseiterator: from the end down; an index beyond a shrunken list ends it. */
typedef struct ListRevIter {
    OuroObject ob_base;
    ouro_ssize it_index;
    OuroObject *it_seq;
} ListRevIter;

OuroObject *ou_list_reversed(OuroObject *self, OuroObject *unused)
{
    ListRevIter *it = (ListRevIter *)ouro_object_alloc(&ou_list_reviter_type);
    if (!it)
        return NULL;
    it->it_index = OURO_LIST_SIZE(self) - 1;
    it->it_seq = OURO_NEWREF(self);
    ouro_gc_track((OuroObject *)it);
    return (OuroObject *)it;
}

static void listreviter_dealloc(OuroObject *op)
{
    ouro_gc_untrack(op);
    OURO_XDECREF(((ListRevIter *)op)->it_seq);
    ouro_object_free(op);
}

static int listreviter_traverse(OuroObject *op, ouro_visitproc visit, void *arg)
{
    OuroObject *seq = ((ListRevIter *)op)->it_seq;
    return seq ? visit(seq, arg) : 0;
}

static int listreviter_clear(OuroObject *op)
{
    OURO_CLEAR(((ListRevIter *)op)->it_seq);
    return 0;
}

static OuroObject *listreviter_next(OuroObject *op)
{
    ListRevIter *it = (ListRevIter *)op;
    OuroObject *seq = it->it_seq;
    if (!seq)
        return NULL;
    ouro_ssize index = it->it_index;
    if (index >= 0 && index < OURO_LIST_SIZE(seq)) {
        it->it_index--;
        return OURO_NEWREF(OURO_LIST_GET(seq, index));
    }
    it->it_index = -1;
    it->it_seq = NULL;
    OURO_DECREF(seq);
    return NULL;
}

ouro_ssize ou_listreviter_length_hint(OuroObject *op)
{
    ListRevIter *it = (ListRevIter *)op;
    ouro_ssize len = it->it_index + 1;
    if (!it->it_seq || OURO_LIST_SIZE(it->it_seq) < len)
        len = 0;
    return len;
}

static OuroObject *listreviter_length_hint(OuroObject *op, OuroObject *unused)
{
    return ouro_int_from_ssize(ou_listreviter_length_hint(op));
}

static OuroObject *listreviter_setstate(OuroObject *op, OuroObject *state)
{
    ListRevIter *it = (ListRevIter *)op;
    ouro_ssize index = ouro_number_as_ssize(state, NULL);
    if (index == -1 && ouro_err_occurred())
        return NULL;
    if (it->it_seq) {
        if (index < -1)
            index = -1;
        else if (index > OURO_LIST_SIZE(it->it_seq) - 1)
            index = OURO_LIST_SIZE(it->it_seq) - 1;
        it->it_index = index;
    }
    OURO_RETURN_NONE;
}

static const OuroMethodDef listreviter_methods[] = {
    { "__length_hint__", OURO_METH(listreviter_length_hint), OURO_METH_NOARGS,
      "Private method returning an estimate of len(list(it))." },
    { "__setstate__", OURO_METH(listreviter_setstate), OURO_METH_O,
      "Set state information for unpickling." },
    { NULL, NULL, 0, NULL },
};

/* ---------------------------------------------------------------------- types -- */

OuroType ou_list_iter_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "list_iterator",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(ListIter),
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_clear = listiter_clear,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

OuroType ou_list_reviter_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "list_reverseiterator",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(ListRevIter),
    .tp_dealloc = listreviter_dealloc,
    .tp_traverse = listreviter_traverse,
    .tp_clear = listreviter_clear,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};
