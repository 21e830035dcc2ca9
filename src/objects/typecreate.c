/* src/objects/typecreate.c — classes (heap types): type(name, bases, dict) with metaclass
 * selection, C3 linearization, the best base and instance layout, the class namespace
 * rules (__qualname__, __module__, __doc__, implicit staticmethod/classmethod, __hash__ =
 * None beside __eq__), __set_name__ and __init_subclass__; the life of instances
 * (subtype_dealloc/traverse/clear) and of classes themselves. */
#include "typeimpl.h"
#include "instvalues.h"
#include "lang/lang.h"
#include <string.h>

/* ------------------------------------------------------------------ instances -- */

/* The nearest base whose slot is not the class machinery's own. */
static OuroType *c_base(OuroType *t, size_t off, void *mine)
{
    for (;;) {
        void *f;
        memcpy(&f, (char *)t + off, sizeof f);
        if (f != mine)
            return t;
        t = t->tp_base;
    }
}

/* 1 if instances of t have a __dict__ that a class (not a C base) added. */
static int added_dict(OuroType *t, OuroType *cbase)
{
    return t->tp_dictoffset != 0 && cbase->tp_dictoffset == 0;
}

static void subtype_dealloc(OuroObject *o);
static int subtype_traverse(OuroObject *o, ouro_visitproc visit, void *arg);
static int subtype_clear(OuroObject *o);

static void subtype_dealloc(OuroObject *o)
{
    OuroType *t = OURO_TYPE(o);
    OuroType *base = c_base(t, offsetof(OuroType, tp_dealloc), (void *)subtype_dealloc);
    ouro_gc_untrack(o);
    ou_layout_clear_slots(o); /* __slots__ fields (issue 7) */
    if (added_dict(t, base)) {
        OuroObject **dp = ou_object_dict_slot(o);
        if (dp)
            ou_values_clear(dp); /* shared-key values or a dict */
    }
    base->tp_dealloc(o);
    OURO_DECREF(t); /* instances own a reference to their class (ouro_object_alloc) */
}

static int subtype_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroType *t = OURO_TYPE(o);
    OuroType *base = c_base(t, offsetof(OuroType, tp_traverse), (void *)subtype_traverse);
    int r;
    if ((r = ou_layout_traverse_slots(o, visit, arg)))
        return r;
    if (added_dict(t, base)) {
        OuroObject **dp = ou_object_dict_slot(o);
        if (dp && (r = ou_values_traverse(*dp, visit, arg)))
            return r;
    }
    if ((r = visit((OuroObject *)t, arg)))
        return r;
    return base->tp_traverse ? base->tp_traverse(o, visit, arg) : 0;
}

static int subtype_clear(OuroObject *o)
{
    OuroType *t = OURO_TYPE(o);
    OuroType *base = c_base(t, offsetof(OuroType, tp_clear), (void *)subtype_clear);
    ou_layout_clear_slots(o);
    if (added_dict(t, base)) {
        OuroObject **dp = ou_object_dict_slot(o);
        if (dp)
            ou_values_clear(dp);
    }
    return base->tp_clear ? base->tp_clear(o) : 0;
}

/* ------------------------------------------------------------ class lifetime -- */

static void unregister_subclass(OuroType *t)
{
    OuroObject *bases = t->tp_bases;
    if (!bases)
        return;
    OuroObject *key = ouro_int_from_uint64((uintptr_t)t);
    if (!key) {
        ouro_err_clear();
        return;
    }
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(bases); i++) {
        OuroType *b = (OuroType *)OURO_TUPLE_GET(bases, i);
        if (b->tp_subclasses && ouro_dict_del_item(b->tp_subclasses, key) < 0)
            ouro_err_clear();
    }
    OURO_DECREF(key);
}

static int register_subclass(OuroType *t)
{
    OuroObject *bases = t->tp_bases;
    OuroObject *key = ouro_int_from_uint64((uintptr_t)t);
    int r = key ? 0 : -1;
    for (ouro_ssize i = 0; r == 0 && i < OURO_TUPLE_SIZE(bases); i++) {
        OuroType *b = (OuroType *)OURO_TUPLE_GET(bases, i);
        if (!ou_type_is_heap(b))
            continue; /* static types are shared by runtimes: not written to */
        if (!b->tp_subclasses && !(b->tp_subclasses = ouro_dict_new()))
            r = -1;
        else
            r = ouro_dict_set_item(b->tp_subclasses, key, key);
    }
    OURO_XDECREF(key);
    return r;
}

static void heap_list_remove(OuHeapType *h)
{
    OuObjState *st = ou_objstate();
    if (h->ht_prev)
        h->ht_prev->ht_next = h->ht_next;
    else if (st->heap_types == h)
        st->heap_types = h->ht_next;
    if (h->ht_next)
        h->ht_next->ht_prev = h->ht_prev;
    h->ht_next = h->ht_prev = NULL;
}

int ou_heaptype_clear(OuroObject *o)
{
    OuroType *t = (OuroType *)o;
    if (!ou_type_is_heap(t))
        return 0;
    OURO_CLEAR(t->tp_dict);
    OURO_CLEAR(t->tp_mro);
    ou_type_cache_clear();
    return 0;
}

int ou_heaptype_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroType *t = (OuroType *)o;
    if (!ou_type_is_heap(t))
        return 0;
    OuroObject *refs[] = { t->tp_dict, t->tp_mro, t->tp_bases, (OuroObject *)t->tp_base,
                           OU_HT(t)->ht_slots };
    for (size_t i = 0; i < OU_ARRAY_LEN(refs); i++) {
        int r;
        if (refs[i] && (r = visit(refs[i], arg)))
            return r;
    }
    return 0;
}

void ou_heaptype_dealloc(OuroObject *o)
{
    OuroType *t = (OuroType *)o;
    OU_ASSERT(ou_type_is_heap(t));
    ouro_gc_untrack(o);
    /* A class that failed to initialize dies with its error pending: keep it. */
    OuroObject *saved = ouro_err_fetch();
    heap_list_remove(OU_HT(t));
    unregister_subclass(t);
    ou_type_table_remove(t);
    ou_type_cache_clear();
    OURO_CLEAR(t->tp_dict);
    OURO_CLEAR(t->tp_mro);
    OURO_CLEAR(t->tp_bases);
    OURO_CLEAR(t->tp_base);
    OURO_CLEAR(t->tp_subclasses);
    OURO_CLEAR(OU_HT(t)->ht_slots);
    ou_layout_fini(t); /* member defs and shared keys (typelayout.c) */
    OURO_CLEAR(OU_HT(t)->ht_qualname);
    OURO_CLEAR(t->tp_name_obj);
    ouro_object_free(o);
    ouro_err_restore(saved);
}

/* ------------------------------------------------------------------- the MRO -- */

/* C3: merges the bases' MROs and the list of bases, always taking the first head that
 * appears in no tail. seqs[i][pos[i]..len[i]) is what is left of sequence i. */
typedef struct MergeSeq {
    OuroObject *const *items;
    ouro_ssize len, pos;
} MergeSeq;

static int in_tail(MergeSeq *seqs, ouro_ssize n, OuroObject *c)
{
    for (ouro_ssize i = 0; i < n; i++)
        for (ouro_ssize j = seqs[i].pos + 1; j < seqs[i].len; j++)
            if (seqs[i].items[j] == c)
                return 1;
    return 0;
}

static void mro_error(MergeSeq *seqs, ouro_ssize n)
{
    OuStrBuf b;
    ou_strbuf_init(&b);
    ou_strbuf_append_cstr(&b, "Cannot create a consistent method resolution\norder (MRO) for bases ");
    int first = 1;
    for (ouro_ssize i = 0; i < n; i++) {
        if (seqs[i].pos >= seqs[i].len)
            continue;
        OuroObject *c = seqs[i].items[seqs[i].pos];
        int dup = 0;
        for (ouro_ssize k = 0; k < i; k++)
            if (seqs[k].pos < seqs[k].len && seqs[k].items[seqs[k].pos] == c)
                dup = 1;
        if (dup)
            continue;
        if (!first)
            ou_strbuf_append_cstr(&b, ", ");
        ou_strbuf_append_cstr(&b, ouro_type_name((OuroType *)c));
        first = 0;
    }
    OuroObject *msg = ou_strbuf_finish(&b);
    if (msg) {
        ouro_err_set_object(&ouro_exc_TypeError, msg);
        OURO_DECREF(msg);
    }
}

static OuroObject *c3_merge(OuroType *t, MergeSeq *seqs, ouro_ssize n, ouro_ssize total)
{
    OuroObject *out = ouro_list_new(0);
    if (!out || ouro_list_append(out, (OuroObject *)t) < 0)
        goto fail;
    for (;;) {
        int empty = 1, found = 0;
        for (ouro_ssize i = 0; i < n && !found; i++) {
            if (seqs[i].pos >= seqs[i].len)
                continue;
            empty = 0;
            OuroObject *c = seqs[i].items[seqs[i].pos];
            if (in_tail(seqs, n, c))
                continue;
            found = 1;
            if (ouro_list_append(out, c) < 0)
                goto fail;
            for (ouro_ssize k = 0; k < n; k++)
                if (seqs[k].pos < seqs[k].len && seqs[k].items[seqs[k].pos] == c)
                    seqs[k].pos++;
        }
        if (empty)
            break;
        if (!found) {
            mro_error(seqs, n);
            goto fail;
        }
    }
    OuroObject *r = ouro_sequence_tuple(out);
    OURO_DECREF(out);
    return r;
fail:
    OURO_XDECREF(out);
    return NULL;
}

static OuroObject *compute_mro(OuroType *t)
{
    OuroObject *bases = t->tp_bases;
    ouro_ssize nb = OURO_TUPLE_SIZE(bases), total = 0;
    MergeSeq *seqs = ou_mem_alloc((size_t)(nb + 1) * sizeof(MergeSeq));
    OuroObject **mros = ou_mem_alloc((size_t)nb * sizeof(OuroObject *) + 8);
    OuroObject *r = NULL;
    ouro_ssize got = 0;
    if (!seqs || !mros) {
        ouro_err_no_memory();
        goto done;
    }
    for (; got < nb; got++) {
        if (!(mros[got] = ou_type_mro_tuple((OuroType *)OURO_TUPLE_GET(bases, got))))
            goto done;
        seqs[got] = (MergeSeq){ OURO_TUPLE_ITEMS(mros[got]), OURO_TUPLE_SIZE(mros[got]), 0 };
        total += OURO_TUPLE_SIZE(mros[got]);
    }
    seqs[nb] = (MergeSeq){ OURO_TUPLE_ITEMS(bases), nb, 0 };
    r = c3_merge(t, seqs, nb + 1, total);
done:
    for (ouro_ssize i = 0; i < got; i++)
        OURO_DECREF(mros[i]);
    if (seqs)
        ou_mem_free(seqs);
    if (mros)
        ou_mem_free(mros);
    return r;
}

/* ----------------------------------------------------------- bases and layout -- */

/* Whether t's instances carry fields its base's do not (a different C layout). */
static int extra_ivars(OuroType *t, OuroType *base)
{
    ouro_ssize ts = t->tp_basicsize, bs = base->tp_basicsize;
    if (t->tp_itemsize != base->tp_itemsize)
        return 1;
    if (ou_type_is_heap(t)) {
        if (t->tp_dictoffset && !base->tp_dictoffset)
            ts -= (ouro_ssize)sizeof(OuroObject *);
        if (t->tp_weaklistoffset && !base->tp_weaklistoffset)
            ts -= (ouro_ssize)sizeof(OuroObject *);
    }
    return ts != bs;
}

static OuroType *solid_base(OuroType *t)
{
    OuroType *base = t->tp_base ? solid_base(t->tp_base) : &ouro_object_type;
    return extra_ivars(t, base) ? t : base;
}

/* The base whose layout the class extends: every other base's solid base must be an
 * ancestor of it. Borrowed, or NULL with TypeError. */
static OuroType *best_base(OuroObject *bases)
{
    OuroType *base = NULL, *winner = NULL;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(bases); i++) {
        OuroType *b = (OuroType *)OURO_TUPLE_GET(bases, i);
        OuroType *candidate = solid_base(b);
        if (!winner) {
            winner = candidate;
            base = b;
        } else if (ouro_type_is_subtype(winner, candidate)) {
            /* keep */
        } else if (ouro_type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = b;
        } else {
            ouro_err_set_string(&ouro_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static int check_bases(OuroObject *bases)
{
    ouro_ssize n = OURO_TUPLE_SIZE(bases);
    for (ouro_ssize i = 0; i < n; i++) {
        OuroObject *b = OURO_TUPLE_GET(bases, i);
        if (!ouro_object_type_check(b, &ouro_type_type)) {
            ouro_err_set_string(&ouro_exc_TypeError, "bases must be types");
            return -1;
        }
        if (!(((OuroType *)b)->tp_flags & OURO_TPFLAG_BASETYPE)) {
            ouro_err_format(&ouro_exc_TypeError, "type '%s' is not an acceptable base type",
                            ouro_type_name((OuroType *)b));
            return -1;
        }
        for (ouro_ssize j = 0; j < i; j++)
            if (OURO_TUPLE_GET(bases, j) == b) {
                ouro_err_format(&ouro_exc_TypeError, "duplicate base class %s",
                                ouro_type_name((OuroType *)b));
                return -1;
            }
    }
    return 0;
}

/* The most derived metaclass of meta and the bases' metaclasses. Borrowed, or NULL. */
static OuroType *calculate_metaclass(OuroType *meta, OuroObject *bases)
{
    OuroType *winner = meta;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(bases); i++) {
        OuroType *bt = OURO_TYPE(OURO_TUPLE_GET(bases, i));
        if (ouro_type_is_subtype(winner, bt))
            continue;
        if (ouro_type_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        ouro_err_set_string(&ouro_exc_TypeError,
                            "metaclass conflict: the metaclass of a derived class must be a "
                            "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* The instance layout (dict, weakref list, __slots__) is typelayout.c's ou_layout_init. */

/* ----------------------------------------------------------- the namespace -- */

static int is_python_function(OuroObject *v)
{
    return strcmp(OURO_TYPE(v)->tp_name, "function") == 0;
}

/* Adds the getset descriptor def (of ou_subtype_getsets) to t's dict unless the
 * namespace defines that name. 0 or -1. */
static int add_getset(OuroType *t, const OuroGetSetDef *def)
{
    if (ouro_dict_get_item_str(t->tp_dict, def->name))
        return 0;
    OuroObject *gs = ou_descr_new_getset(t, def);
    int r = gs ? ouro_dict_set_item_str(t->tp_dict, def->name, gs) : -1;
    OURO_XDECREF(gs);
    return r;
}

/* Applies CPython's namespace rules to the class's own dict copy. 0 or -1. */
static int prepare_namespace(OuroType *t, OuroObject *name)
{
    OuroObject *d = t->tp_dict, *v;
    OuroObject *qual = ouro_dict_get_item_str(d, "__qualname__");
    if (qual) {
        if (!ouro_str_check(qual)) {
            ouro_err_format(&ouro_exc_TypeError, "type __qualname__ must be a str, not %s",
                            OURO_TYPE_NAME(qual));
            return -1;
        }
        OU_HT(t)->ht_qualname = OURO_NEWREF(qual);
        OuroObject *key = ouro_str_intern_cstr("__qualname__");
        if (!key || ouro_dict_del_item(d, key) < 0)
            return -1;
    } else {
        OU_HT(t)->ht_qualname = OURO_NEWREF(name);
    }
    if (!ouro_dict_get_item_str(d, "__module__")) {
        OuroObject *frame = ou_eval_current_frame();
        OuroObject *g = frame ? ou_frame_globals(frame) : NULL;
        OuroObject *mod = g ? ouro_dict_get_item_str(g, "__name__") : NULL;
        if (mod && ouro_dict_set_item_str(d, "__module__", mod) < 0)
            return -1;
    }
    if ((v = ouro_dict_get_item_str(d, "__new__")) && is_python_function(v)) {
        OuroObject *sm = ou_staticmethod_new(v);
        if (!sm || ouro_dict_set_item_str(d, "__new__", sm) < 0) {
            OURO_XDECREF(sm);
            return -1;
        }
        OURO_DECREF(sm);
    }
    static const char *const implicit_cm[] = { "__init_subclass__", "__class_getitem__" };
    for (size_t i = 0; i < OU_ARRAY_LEN(implicit_cm); i++) {
        if (!(v = ouro_dict_get_item_str(d, implicit_cm[i])) || !is_python_function(v))
            continue;
        OuroObject *cm = ou_classmethod_new(v);
        if (!cm || ouro_dict_set_item_str(d, implicit_cm[i], cm) < 0) {
            OURO_XDECREF(cm);
            return -1;
        }
        OURO_DECREF(cm);
    }
    /* CPython's order: the __dict__ and __weakref__ getsets, then __doc__, then __hash__. */
    if (t->tp_dictoffset && !t->tp_base->tp_dictoffset && add_getset(t, &ou_subtype_getsets[0]) < 0)
        return -1;
    if (t->tp_weaklistoffset && !t->tp_base->tp_weaklistoffset &&
        add_getset(t, &ou_subtype_getsets[1]) < 0)
        return -1;
    if (!ouro_dict_get_item_str(d, "__doc__") && ouro_dict_set_item_str(d, "__doc__", OURO_NONE) < 0)
        return -1;
    if (ouro_dict_get_item_str(d, "__eq__") && !ouro_dict_get_item_str(d, "__hash__") &&
        ouro_dict_set_item_str(d, "__hash__", OURO_NONE) < 0)
        return -1;
    /* A failed look-up above (MemoryError making a key) shows only here. */
    return ouro_err_occurred() ? -1 : 0;
}

/* ----------------------------------------------------------- after creation -- */

/* An error from __set_name__ becomes the cause of CPython 3.11's RuntimeError. */
static void set_name_error(OuroType *t, OuroObject *value, OuroObject *key)
{
    OuroObject *cause = ouro_err_fetch();
    ouro_err_format(&ouro_exc_RuntimeError, "Error calling __set_name__ on '%s' instance %R in '%s'",
                    OURO_TYPE_NAME(value), key, ouro_type_name(t));
    OuroObject *exc = ouro_err_fetch();
    if (exc && ouro_exception_check(exc) && cause)
        ouro_exception_set_cause(exc, cause);
    else
        OURO_XDECREF(cause);
    ouro_err_restore(exc);
}

/* value.__set_name__(t, key) for each attribute of the new class that defines it. */
static int call_set_names(OuroType *t)
{
    OuroObject *items = ouro_dict_items(t->tp_dict);
    if (!items)
        return -1;
    int r = 0;
    for (ouro_ssize i = 0; r == 0 && i < ouro_list_size(items); i++) {
        OuroObject *kv = ouro_list_get_item(items, i);
        OuroObject *args[2] = { (OuroObject *)t, OURO_TUPLE_GET(kv, 0) };
        int found;
        OuroObject *res = ou_call_method(OURO_TUPLE_GET(kv, 1), "__set_name__", args, 2, &found);
        if (res) {
            OURO_DECREF(res);
        } else if (found) {
            set_name_error(t, OURO_TUPLE_GET(kv, 1), OURO_TUPLE_GET(kv, 0));
            r = -1;
        } else if (ouro_err_occurred()) {
            r = -1;
        }
    }
    OURO_DECREF(items);
    return r;
}

/* A metaclass that overrides mro() decides the MRO (called once the default one is in
 * place, so that it may start from super().mro()). 0 or -1. */
static int custom_mro(OuroType *t)
{
    OuroType *meta = OURO_TYPE(t);
    if (meta == &ouro_type_type)
        return 0;
    OuroObject *name = ouro_str_intern_cstr("mro"), *tdict = ou_type_dict(&ouro_type_type);
    if (!name || !tdict)
        return -1;
    OuroObject *m = ou_type_lookup(meta, name);
    if (!m || m == ouro_dict_get_item_str(tdict, "mro"))
        return ouro_err_occurred() ? -1 : 0;
    int found;
    OuroObject *r = ou_call_method((OuroObject *)t, "mro", NULL, 0, &found);
    OuroObject *mro = r ? ouro_sequence_tuple(r) : NULL;
    OURO_XDECREF(r);
    if (!mro)
        return -1;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(mro); i++) {
        OuroObject *c = OURO_TUPLE_GET(mro, i);
        if (!ouro_object_type_check(c, &ouro_type_type)) {
            ouro_err_format(&ouro_exc_TypeError, "mro() returned a non-class ('%s')",
                            OURO_TYPE_NAME(c));
            OURO_DECREF(mro);
            return -1;
        }
    }
    OURO_SETREF(t->tp_mro, mro);
    return 0;
}

/* super(t, t).__init_subclass__(**kwargs): looked up after t in its MRO. */
static int call_init_subclass(OuroType *t, OuroObject *kwargs)
{
    OuroObject *name = ouro_str_intern_cstr("__init_subclass__"), *f = NULL;
    OuroObject *mro = t->tp_mro;
    if (!name)
        return -1;
    for (ouro_ssize i = 1; i < OURO_TUPLE_SIZE(mro) && !f; i++) {
        OuroObject *d = ou_type_dict((OuroType *)OURO_TUPLE_GET(mro, i));
        if (!d)
            return -1;
        f = ouro_dict_get_item_with_error(d, name);
    }
    if (!f)
        return 0;
    ouro_descrgetfunc get = OURO_TYPE(f)->tp_descr_get;
    OuroObject *bound = get ? get(f, (OuroObject *)t, (OuroObject *)t) : OURO_NEWREF(f);
    if (!bound)
        return -1;
    OuroObject *empty = ouro_tuple_new(0), *r = NULL;
    if (empty)
        r = ouro_object_call(bound, empty, kwargs && ouro_dict_size(kwargs) ? kwargs : NULL);
    OURO_XDECREF(empty);
    OURO_DECREF(bound);
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

/* ------------------------------------------------------------------ creation -- */

static OuroType *alloc_class(OuroType *meta, OuroObject *name, OuroObject *bases,
                             OuroType *base, OuroObject *dict)
{
    OuHeapType *ht = (OuHeapType *)ouro_object_alloc(meta);
    if (!ht)
        return NULL;
    OuroType *t = &ht->ht_type;
    t->tp_flags = OURO_TPFLAG_HEAPTYPE | OURO_TPFLAG_BASETYPE | OURO_TPFLAG_GC;
    t->tp_name_obj = OURO_NEWREF(name);
    t->tp_name = ouro_str_utf8(name);
    t->tp_base = (OuroType *)OURO_NEWREF(base);
    t->tp_bases = OURO_NEWREF(bases);
    if (base->tp_as_number)
        ht->ht_number = *base->tp_as_number;
    if (base->tp_as_sequence)
        ht->ht_sequence = *base->tp_as_sequence;
    if (base->tp_as_mapping)
        ht->ht_mapping = *base->tp_as_mapping;
    t->tp_as_number = &ht->ht_number;
    t->tp_as_sequence = &ht->ht_sequence;
    t->tp_as_mapping = &ht->ht_mapping;
    t->tp_dealloc = subtype_dealloc;
    t->tp_traverse = subtype_traverse;
    t->tp_clear = subtype_clear;
    t->tp_doc = NULL;
    OuObjState *st = ou_objstate();
    ht->ht_version = ou_type_new_version();
    ht->ht_next = st->heap_types;
    if (st->heap_types)
        st->heap_types->ht_prev = ht;
    st->heap_types = ht;
    t->tp_dict = ouro_dict_copy(dict);
    if (!t->tp_dict || ou_layout_init(t, base, name, dict) < 0) {
        OURO_DECREF(t);
        return NULL;
    }
    return t;
}

/* Everything after the allocation; on failure the caller drops t. 0 or -1. */
static int init_class(OuroType *t, OuroObject *name, OuroObject *kwargs)
{
    if (prepare_namespace(t, name) < 0)
        return -1;
    if (!(t->tp_mro = compute_mro(t)) || custom_mro(t) < 0)
        return -1;
    if (ouro_type_ready(t) < 0)
        return -1;
    if (ou_slots_update(t, NULL) < 0)
        return -1;
    if (register_subclass(t) < 0)
        return -1;
    ouro_gc_track((OuroObject *)t);
    if (call_set_names(t) < 0)
        return -1;
    return call_init_subclass(t, kwargs);
}

OuroObject *ou_type_new(OuroType *meta, OuroObject *name, OuroObject *bases,
                        OuroObject *dict, OuroObject *kwargs)
{
    if (!ouro_str_check(name) || !ouro_tuple_check(bases) || !ouro_dict_check(dict))
        return ouro_err_bad_internal_call("ou_type_new");
    OuroType *winner = calculate_metaclass(meta, bases);
    if (!winner)
        return NULL;
    if (winner != meta && winner->tp_new && winner->tp_new != ou_type_tp_new) {
        OuroObject *args = ouro_tuple_pack(3, name, bases, dict);
        OuroObject *r = args ? winner->tp_new(winner, args, kwargs) : NULL;
        OURO_XDECREF(args);
        return r;
    }
    OuroObject *own_bases = OURO_TUPLE_SIZE(bases) ? OURO_NEWREF(bases)
                                                   : ouro_tuple_pack(1, &ouro_object_type);
    if (!own_bases)
        return NULL;
    OuroType *t = NULL, *base;
    if (check_bases(own_bases) < 0 || !(base = best_base(own_bases)))
        goto fail;
    if (!(t = alloc_class(winner, name, own_bases, base, dict)))
        goto fail;
    OURO_DECREF(own_bases);
    if (init_class(t, name, kwargs) < 0) {
        OURO_DECREF(t);
        return NULL;
    }
    return (OuroObject *)t;
fail:
    OURO_DECREF(own_bases);
    return NULL;
}

/* ------------------------------------------------------- type.__new__/__call__ -- */

OuroObject *ou_type_tp_new(OuroType *meta, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize n = OURO_TUPLE_SIZE(args);
    if (n != 3 && !(n == 1 && meta == &ouro_type_type))
        return ouro_err_format(&ouro_exc_TypeError, "type() takes 1 or 3 arguments");
    if (n == 1)
        return OURO_NEWREF(OURO_TYPE(OURO_TUPLE_GET(args, 0)));
    OuroObject *name = OURO_TUPLE_GET(args, 0), *bases = OURO_TUPLE_GET(args, 1),
               *dict = OURO_TUPLE_GET(args, 2);
    if (!ouro_str_check(name))
        return ouro_err_format(&ouro_exc_TypeError,
                               "type.__new__() argument 1 must be str, not %s", OURO_TYPE_NAME(name));
    if (!ouro_tuple_check(bases))
        return ouro_err_format(&ouro_exc_TypeError,
                               "type.__new__() argument 2 must be tuple, not %s", OURO_TYPE_NAME(bases));
    if (!ouro_dict_check(dict))
        return ouro_err_format(&ouro_exc_TypeError,
                               "type.__new__() argument 3 must be dict, not %s", OURO_TYPE_NAME(dict));
    return ou_type_new(meta, name, bases, dict, kwargs);
}

OuroObject *ou_type_call(OuroObject *callable, OuroObject *args, OuroObject *kwargs)
{
    OuroType *t = (OuroType *)callable;
    if (t == &ouro_type_type) {
        ouro_ssize n = OURO_TUPLE_SIZE(args);
        ouro_ssize nk = kwargs ? ouro_dict_size(kwargs) : 0;
        if (n == 1 && nk == 0)
            return OURO_NEWREF(OURO_TYPE(OURO_TUPLE_GET(args, 0)));
        if (n != 3)
            return ouro_err_format(&ouro_exc_TypeError, "type() takes 1 or 3 arguments");
    }
    if (!t->tp_new)
        return ouro_err_format(&ouro_exc_TypeError, "cannot create '%s' instances",
                               ouro_type_name(t));
    OuroObject *o = t->tp_new(t, args, kwargs);
    if (!o || !ouro_object_type_check(o, t))
        return o;
    OuroType *ot = OURO_TYPE(o);
    if (ot->tp_init && ot->tp_init(o, args, kwargs) < 0) {
        OURO_DECREF(o);
        return NULL;
    }
    return o;
}

/* C() for the common class (object's __new__, a Python __init__): the instance is made
 * and __init__ called with the caller's argument array; anything else goes through
 * tp_call with a tuple. */
OuroObject *ou_type_vectorcall(OuroObject *callable, OuroObject *const *args, size_t nargs,
                               OuroObject *kwnames)
{
    OuroType *t = (OuroType *)callable;
    if (t == &ouro_type_type && nargs == 1 && (!kwnames || !OURO_TUPLE_SIZE(kwnames)))
        return OURO_NEWREF(OURO_TYPE(args[0]));
    if (t->tp_new == ou_object_new && t->tp_init == ou_slot_tp_init) {
        /* CPython calls classes through tp_call, which counts a recursion level (see
         * ouro_object_call): so does this fast path. */
        if (ou_enter_recursive_call(" while calling a Python object") < 0)
            return NULL;
        OuroObject *o = ou_object_new(t, NULL, NULL);
        if (o && ou_slot_init_vectorcall(o, args, nargs, kwnames) < 0)
            OURO_CLEAR(o);
        ou_leave_recursive_call();
        return o;
    }
    if (t->tp_new == ou_object_new && t->tp_init == ou_object_init && nargs == 0 &&
        (!kwnames || !OURO_TUPLE_SIZE(kwnames)))
        return ou_object_new(t, NULL, NULL); /* C() of a class without __init__ */
    return ou_call_via_vectorcall_tp_call(callable, args, nargs, kwnames);
}

/* ------------------------------------------------------ object.__init__/__new__ -- */

static int excess_args(OuroObject *args, OuroObject *kwargs)
{
    return OURO_TUPLE_SIZE(args) || (kwargs && ouro_dict_size(kwargs));
}

int ou_object_init(OuroObject *self, OuroObject *args, OuroObject *kwargs)
{
    OuroType *t = OURO_TYPE(self);
    if (!args || !excess_args(args, kwargs))
        return 0;
    if (t->tp_init != ou_object_init) {
        ouro_err_set_string(&ouro_exc_TypeError,
                            "object.__init__() takes exactly one argument (the instance to initialize)");
        return -1;
    }
    if (t->tp_new == ou_object_new) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes no arguments", ouro_type_name(t));
        return -1;
    }
    return 0;
}

OuroObject *ou_object_new(OuroType *t, OuroObject *args, OuroObject *kwargs)
{
    if (args && excess_args(args, kwargs)) {
        if (t->tp_new != ou_object_new)
            return ouro_err_format(&ouro_exc_TypeError,
                                   "object.__new__() takes exactly one argument (the type to instantiate)");
        if (t->tp_init == ou_object_init)
            return ouro_err_format(&ouro_exc_TypeError, "%s() takes no arguments",
                                   ouro_type_name(t));
    }
    OuroObject *o = ouro_object_alloc(t);
    if (o && ou_type_is_gc(t))
        ouro_gc_track(o);
    return o;
}
