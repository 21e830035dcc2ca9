/* src/objects/dictviews.c — dict iterators (forward and reversed over keys, values and
 * items) and the views dict_keys / dict_values / dict_items with their set algebra, as
 * CPython 3.11's. The table itself is dictobject.c's (layout in dictobject.h). */
#include "objects/dictobject.h"

/* ---------------------------------------------------------------------- iterators --
 * An iterator holds the dict until it is exhausted (then di_dict is NULL for good). It
 * detects a size change (di_used != ma_used, sticky: di_used becomes -1) and, through
 * its countdown len, a dict whose keys changed at equal size. */
typedef struct DictIter {
    OuroObject ob_base;
    OuroObject *di_dict; /* owned; NULL once exhausted */
    ouro_ssize di_used;  /* ma_used when the iterator was made; -1 after a size error */
    ouro_ssize di_pos;   /* next entry index (forward) or current one (reversed) */
    ouro_ssize len;      /* items left to return */
} DictIter;

static inline bool is_reversed_iter(const OuroType *t)
{
    return t == &ou_dict_revkeyiter_type || t == &ou_dict_revvalueiter_type ||
           t == &ou_dict_revitemiter_type;
}

/* Returns: new reference to an iterator of the given type over dict d, or NULL. */
OuroObject *ou_dictiter_new(OuroObject *d, OuroType *type)
{
    DictIter *di = (DictIter *)ouro_object_alloc(type);
    if (!di)
        return NULL;
    OuroDict *mp = OU_DICT(d);
    di->di_dict = OURO_NEWREF(d);
    di->di_used = mp->ma_used;
    di->len = mp->ma_used;
    di->di_pos = is_reversed_iter(type) ? (mp->ma_keys ? mp->ma_keys->dk_nentries - 1 : -1) : 0;
    ouro_gc_track(&di->ob_base);
    return &di->ob_base;
}

static void dictiter_dealloc(OuroObject *self)
{
    ouro_gc_untrack(self);
    OURO_CLEAR(((DictIter *)self)->di_dict);
    ouro_object_free(self);
}

static int dictiter_traverse(OuroObject *self, ouro_visitproc visit, void *arg)
{
    OuroObject *d = ((DictIter *)self)->di_dict;
    return d ? visit(d, arg) : 0;
}

static int dictiter_clear(OuroObject *self)
{
    OURO_CLEAR(((DictIter *)self)->di_dict);
    return 0;
}

/* Drops the dict of an exhausted iterator. */
static void dictiter_exhaust(DictIter *di)
{
    OURO_CLEAR(di->di_dict);
}

/* Steps a forward iterator: 1 with borrowed *key and *value, 0 at the end, -1 with
 * RuntimeError. */
static int dictiter_step(DictIter *di, OuroObject **key, OuroObject **value)
{
    OuroObject *d = di->di_dict;
    if (!d)
        return 0;
    OuroDict *mp = OU_DICT(d);
    if (di->di_used != mp->ma_used) {
        ouro_err_set_string(&ouro_exc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1; /* sticky */
        return -1;
    }
    OuDictKeys *k = mp->ma_keys;
    ouro_ssize i = di->di_pos, n = k ? k->dk_nentries : 0;
    OuDictEntry *ep = k ? ou_dk_entries(k) : NULL;
    while (i < n && !ep[i].me_value)
        i++;
    if (i >= n) {
        dictiter_exhaust(di);
        return 0;
    }
    if (di->len == 0) {
        /* Same size, yet more entries than it had: keys were replaced. */
        ouro_err_set_string(&ouro_exc_RuntimeError, "dictionary keys changed during iteration");
        dictiter_exhaust(di);
        return -1;
    }
    di->di_pos = i + 1;
    di->len--;
    *key = ep[i].me_key;
    *value = ep[i].me_value;
    return 1;
}

/* As dictiter_step, backwards from the last entry (CPython's dictreviter_iternext). */
static int dictreviter_step(DictIter *di, OuroObject **key, OuroObject **value)
{
    OuroObject *d = di->di_dict;
    if (!d)
        return 0;
    OuroDict *mp = OU_DICT(d);
    if (di->di_used != mp->ma_used) {
        ouro_err_set_string(&ouro_exc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1;
        return -1;
    }
    OuDictKeys *k = mp->ma_keys;
    ouro_ssize i = di->di_pos;
    /* A cleared and refilled dict may have fewer entries than the position (CPython
     * would read past them): clamp. */
    if (k && i >= k->dk_nentries)
        i = k->dk_nentries - 1;
    if (!k || i < 0)
        goto end;
    OuDictEntry *ep = ou_dk_entries(k);
    while (!ep[i].me_value)
        if (--i < 0)
            goto end;
    di->di_pos = i - 1;
    di->len--;
    *key = ep[i].me_key;
    *value = ep[i].me_value;
    return 1;
end:
    dictiter_exhaust(di);
    return 0;
}

static int iter_step(DictIter *di, OuroObject **key, OuroObject **value)
{
    return is_reversed_iter(OURO_TYPE(di)) ? dictreviter_step(di, key, value)
                                           : dictiter_step(di, key, value);
}

static OuroObject *dictiter_next_key(OuroObject *self)
{
    OuroObject *key, *value;
    return iter_step((DictIter *)self, &key, &value) > 0 ? OURO_NEWREF(key) : NULL;
}

static OuroObject *dictiter_next_value(OuroObject *self)
{
    OuroObject *key, *value;
    return iter_step((DictIter *)self, &key, &value) > 0 ? OURO_NEWREF(value) : NULL;
}

static OuroObject *dictiter_next_item(OuroObject *self)
{
    OuroObject *key, *value;
    if (iter_step((DictIter *)self, &key, &value) <= 0)
        return NULL;
    /* Hold the pair: the tuple's allocation may collect and run finalizers. */
    OURO_INCREF(key);
    OURO_INCREF(value);
    OuroObject *t = ouro_tuple_new(2);
    if (!t) {
        OURO_DECREF(key);
        OURO_DECREF(value);
        return NULL;
    }
    OURO_TUPLE_SET(t, 0, key);
    OURO_TUPLE_SET(t, 1, value);
    return t;
}

/* it.__length_hint__(): what is left, or 0 once the dict changed size. */
static OuroObject *dictiter_length_hint(OuroObject *self, OuroObject *unused)
{
    DictIter *di = (DictIter *)self;
    ouro_ssize n = 0;
    if (di->di_dict && di->di_used == OU_DICT(di->di_dict)->ma_used)
        n = di->len;
    return ouro_int_from_ssize(n);
}

static const OuroMethodDef dictiter_methods[] = {
    { "__length_hint__", OURO_METH(dictiter_length_hint), OURO_METH_NOARGS,
      "Private method returning an estimate of len(list(it))." },
    { NULL, NULL, 0, NULL },
};

#define DICT_ITER_TYPE(var, name, next)                       \
    OuroType var = {                                          \
        .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),           \
        .tp_name = name,                                      \
        .tp_flags = OURO_TPFLAG_GC,                           \
        .tp_basicsize = sizeof(DictIter),                     \
        .tp_dealloc = dictiter_dealloc,                       \
        .tp_traverse = dictiter_traverse,                     \
        .tp_clear = dictiter_clear,                           \
        .tp_iter = ou_object_self_iter,                       \
        .tp_iternext = next,                                  \
        .tp_methods = dictiter_methods,                       \
    }

/* -------------------------------------------------------------------------- views -- */

/* Returns: new reference to a view of the given type on dict d, or NULL. */
OuroObject *ou_dictview_new(OuroObject *d, OuroType *type)
{
    if (!d || !ouro_dict_check(d)) {
        ouro_err_bad_internal_call(__func__);
        return NULL;
    }
    OuDictView *dv = (OuDictView *)ouro_object_alloc(type);
    if (!dv)
        return NULL;
    dv->dv_dict = OURO_NEWREF(d);
    ouro_gc_track(&dv->ob_base);
    return &dv->ob_base;
}

#define VIEW_DICT(v) (((OuDictView *)(v))->dv_dict)

static void dictview_dealloc(OuroObject *self)
{
    ouro_gc_untrack(self);
    OURO_CLEAR(VIEW_DICT(self));
    ouro_object_free(self);
}

static int dictview_traverse(OuroObject *self, ouro_visitproc visit, void *arg)
{
    OuroObject *d = VIEW_DICT(self);
    return d ? visit(d, arg) : 0;
}

static ouro_ssize dictview_len(OuroObject *self)
{
    return OU_DICT(VIEW_DICT(self))->ma_used;
}

/* "dict_keys([1, 2])"; a view met again while printing itself shows as "...". */
static OuroObject *dictview_repr(OuroObject *self)
{
    int r = ou_repr_enter(self);
    if (r != 0)
        return r > 0 ? ouro_str_from_cstr("...") : NULL;
    OuroObject *result = NULL;
    OuroObject *seq = ouro_sequence_list(self);
    if (seq) {
        result = ouro_str_from_format("%s(%R)", OURO_TYPE_NAME(self), seq);
        OURO_DECREF(seq);
    }
    ou_repr_leave(self);
    return result;
}

static OuroObject *dictkeys_iter(OuroObject *self)
{
    return ou_dictiter_new(VIEW_DICT(self), &ou_dict_keyiter_type);
}

static OuroObject *dictvalues_iter(OuroObject *self)
{
    return ou_dictiter_new(VIEW_DICT(self), &ou_dict_valueiter_type);
}

static OuroObject *dictitems_iter(OuroObject *self)
{
    return ou_dictiter_new(VIEW_DICT(self), &ou_dict_itemiter_type);
}

static OuroObject *dictkeys_reversed(OuroObject *self, OuroObject *unused)
{
    return ou_dictiter_new(VIEW_DICT(self), &ou_dict_revkeyiter_type);
}

static OuroObject *dictvalues_reversed(OuroObject *self, OuroObject *unused)
{
    return ou_dictiter_new(VIEW_DICT(self), &ou_dict_revvalueiter_type);
}

static OuroObject *dictitems_reversed(OuroObject *self, OuroObject *unused)
{
    return ou_dictiter_new(VIEW_DICT(self), &ou_dict_revitemiter_type);
}

static int dictkeys_contains(OuroObject *self, OuroObject *key)
{
    return ouro_dict_contains(VIEW_DICT(self), key);
}

/* (k, v) in d.items(): k in d and d[k] == v. Anything but a pair is simply absent. */
static int dictitems_contains(OuroObject *self, OuroObject *obj)
{
    if (!ouro_tuple_check(obj) || OURO_TUPLE_SIZE(obj) != 2)
        return 0;
    OuroObject *key = OURO_TUPLE_GET(obj, 0), *value = OURO_TUPLE_GET(obj, 1);
    OuroObject *found = ouro_dict_get_item_with_error(VIEW_DICT(self), key);
    if (!found)
        return ouro_err_occurred() ? -1 : 0;
    OURO_INCREF(found);
    int r = ouro_object_richcompare_bool(found, value, OURO_EQ);
    OURO_DECREF(found);
    return r;
}

/* 1 if every item of self is in other, 0 if not, -1 with an exception. */
static int all_contained_in(OuroObject *self, OuroObject *other)
{
    OuroObject *it = ouro_object_get_iter(self);
    if (!it)
        return -1;
    int ok = 1;
    OuroObject *item;
    while ((item = ouro_iter_next(it)) != NULL) {
        ok = ouro_sequence_contains(other, item);
        OURO_DECREF(item);
        if (ok <= 0)
            break;
    }
    if (ok > 0 && ouro_err_occurred())
        ok = -1;
    OURO_DECREF(it);
    return ok;
}

/* Keys and items views compare as sets with sets and other keys/items views. */
static OuroObject *dictview_richcompare(OuroObject *self, OuroObject *other, int op)
{
    if (!ouro_anyset_check(other) && !ou_dictview_set_check(other))
        OURO_RETURN_NOTIMPLEMENTED;
    ouro_ssize len_self = ouro_object_length(self);
    if (len_self < 0)
        return NULL;
    ouro_ssize len_other = ouro_object_length(other);
    if (len_other < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case OURO_NE:
    case OURO_EQ:
        if (len_self == len_other)
            ok = all_contained_in(self, other);
        if (op == OURO_NE && ok >= 0)
            ok = !ok;
        break;
    case OURO_LT:
        if (len_self < len_other)
            ok = all_contained_in(self, other);
        break;
    case OURO_LE:
        if (len_self <= len_other)
            ok = all_contained_in(self, other);
        break;
    case OURO_GT:
        if (len_self > len_other)
            ok = all_contained_in(other, self);
        break;
    case OURO_GE:
        if (len_self >= len_other)
            ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0)
        return NULL;
    return OURO_NEWREF(ok ? OURO_TRUE : OURO_FALSE);
}

/* set(self) for the left operand of a view operator (which may be any iterable when the
 * view is on the right); a keys view of an exact dict builds from the dict directly. */
static OuroObject *dictviews_to_set(OuroObject *self)
{
    OuroObject *left = self;
    if (OURO_IS_TYPE(self, &ou_dict_keys_type) && ouro_dict_check_exact(VIEW_DICT(self)))
        left = VIEW_DICT(self);
    return ouro_set_new(left);
}

static OuroObject *dictviews_sub(OuroObject *self, OuroObject *other)
{
    OuroObject *result = dictviews_to_set(self);
    if (result && ou_set_difference_update(result, other) < 0)
        OURO_CLEAR(result);
    return result;
}

static OuroObject *dictviews_or(OuroObject *self, OuroObject *other)
{
    OuroObject *result = dictviews_to_set(self);
    if (result && ou_set_update(result, other) < 0)
        OURO_CLEAR(result);
    return result;
}

/* view & other (CPython's _PyDictView_Intersect): iterate the smaller side. */
static OuroObject *dictviews_and(OuroObject *self, OuroObject *other)
{
    if (!ou_dictview_set_check(self)) { /* the view was the right operand */
        OuroObject *tmp = other;
        other = self;
        self = tmp;
    }
    ouro_ssize len_self = dictview_len(self);
    if (OURO_IS_TYPE(other, &ouro_set_type)) {
        ouro_ssize len_other = ouro_set_size(other);
        if (len_self <= len_other)
            return ou_set_intersection(other, self);
    }
    if (ou_dictview_set_check(other) && dictview_len(other) > len_self) {
        OuroObject *tmp = other;
        other = self;
        self = tmp;
    }
    /* Now self is a view, and other (any iterable) is not a bigger view. */
    OuroObject *result = ouro_set_new(NULL);
    if (!result)
        return NULL;
    OuroObject *it = ouro_object_get_iter(other);
    if (!it) {
        OURO_DECREF(result);
        return NULL;
    }
    int (*contains)(OuroObject *, OuroObject *) =
        OURO_IS_TYPE(self, &ou_dict_keys_type) ? dictkeys_contains : dictitems_contains;
    OuroObject *key;
    while ((key = ouro_iter_next(it)) != NULL) {
        int rv = contains(self, key);
        if (rv > 0)
            rv = ouro_set_add(result, key);
        OURO_DECREF(key);
        if (rv < 0)
            goto error;
    }
    if (ouro_err_occurred())
        goto error;
    OURO_DECREF(it);
    return result;
error:
    OURO_DECREF(it);
    OURO_DECREF(result);
    return NULL;
}

/* items ^ items: the pairs of either dict not equal in the other (CPython's
 * dictitems_xor, which avoids hashing the values). */
static OuroObject *dictitems_xor(OuroObject *self, OuroObject *other)
{
    OuroObject *d2 = VIEW_DICT(other);
    OuroObject *temp = ouro_dict_copy(VIEW_DICT(self));
    if (!temp)
        return NULL;
    OuroObject *result = ouro_set_new(NULL);
    if (!result) {
        OURO_DECREF(temp);
        return NULL;
    }
    OuroObject *key, *val2, *rest;
    ouro_hash hash;
    ouro_ssize pos = 0;
    while (ou_dict_next_hash(d2, &pos, &key, &val2, &hash)) {
        OURO_INCREF(key);
        OURO_INCREF(val2);
        int to_delete = 0;
        OuroObject *val1 = ou_dict_get_item_hash(temp, key, hash);
        if (val1) {
            OURO_INCREF(val1);
            to_delete = ouro_object_richcompare_bool(val1, val2, OURO_EQ);
            OURO_DECREF(val1);
        } else if (ouro_err_occurred()) {
            to_delete = -1;
        }
        int err = to_delete < 0;
        if (to_delete > 0) {
            err = ou_dict_del_item_hash(temp, key, hash) < 0;
        } else if (to_delete == 0) {
            OuroObject *pair = ouro_tuple_pack(2, key, val2);
            err = !pair || ouro_set_add(result, pair) < 0;
            OURO_XDECREF(pair);
        }
        OURO_DECREF(key);
        OURO_DECREF(val2);
        if (err)
            goto error;
    }
    rest = ou_dictview_new(temp, &ou_dict_items_type);
    if (!rest || ou_set_update(result, rest) < 0) {
        OURO_XDECREF(rest);
        goto error;
    }
    OURO_DECREF(rest);
    OURO_DECREF(temp);
    return result;
error:
    OURO_DECREF(temp);
    OURO_DECREF(result);
    return NULL;
}

static OuroObject *dictviews_xor(OuroObject *self, OuroObject *other)
{
    if (OURO_IS_TYPE(self, &ou_dict_items_type) && OURO_IS_TYPE(other, &ou_dict_items_type))
        return dictitems_xor(self, other);
    OuroObject *result = dictviews_to_set(self);
    if (result && ou_set_symmetric_difference_update(result, other) < 0)
        OURO_CLEAR(result);
    return result;
}

/* view.isdisjoint(other): no item of other is in the view (the shorter side is
 * iterated when other is set-like). */
static OuroObject *dictviews_isdisjoint(OuroObject *self, OuroObject *other)
{
    if (self == other)
        return OURO_NEWREF(dictview_len(self) == 0 ? OURO_TRUE : OURO_FALSE);
    if (ouro_anyset_check(other) || ou_dictview_set_check(other)) {
        ouro_ssize len_other = ouro_object_length(other);
        if (len_other < 0)
            return NULL;
        if (len_other > dictview_len(self)) {
            OuroObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    OuroObject *it = ouro_object_get_iter(other);
    if (!it)
        return NULL;
    OuroObject *item, *result = OURO_TRUE;
    while ((item = ouro_iter_next(it)) != NULL) {
        int contains = ouro_sequence_contains(self, item);
        OURO_DECREF(item);
        if (contains < 0) {
            OURO_DECREF(it);
            return NULL;
        }
        if (contains) {
            result = OURO_FALSE;
            break;
        }
    }
    OURO_DECREF(it);
    if (result == OURO_TRUE && ouro_err_occurred())
        return NULL;
    return OURO_NEWREF(result);
}

static const OuroNumberMethods dictviews_as_number = {
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
};

static const OuroSequenceMethods dictkeys_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictkeys_contains,
};

static const OuroSequenceMethods dictitems_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictitems_contains,
};

static const OuroSequenceMethods dictvalues_as_sequence = {
    .sq_length = dictview_len,
};

static const OuroMethodDef dictkeys_methods[] = {
    { "isdisjoint", OURO_METH(dictviews_isdisjoint), OURO_METH_O,
      "Return True if the view and the given iterable have a null intersection." },
    { "__reversed__", OURO_METH(dictkeys_reversed), OURO_METH_NOARGS,
      "Return a reverse iterator over the dict keys." },
    { NULL, NULL, 0, NULL },
};

static const OuroMethodDef dictitems_methods[] = {
    { "isdisjoint", OURO_METH(dictviews_isdisjoint), OURO_METH_O,
      "Return True if the view and the given iterable have a null intersection." },
    { "__reversed__", OURO_METH(dictitems_reversed), OURO_METH_NOARGS,
      "Return a reverse iterator over the dict items." },
    { NULL, NULL, 0, NULL },
};

static const OuroMethodDef dictvalues_methods[] = {
    { "__reversed__", OURO_METH(dictvalues_reversed), OURO_METH_NOARGS,
      "Return a reverse iterator over the dict values." },
    { NULL, NULL, 0, NULL },
};

OuroType ou_dict_keys_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "dict_keys",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuDictView),
    .tp_dealloc = dictview_dealloc,
    .tp_traverse = dictview_traverse,
    .tp_repr = dictview_repr,
    .tp_hash = ouro_hash_not_implemented,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictkeys_iter,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictkeys_as_sequence,
    .tp_methods = dictkeys_methods,
};

OuroType ou_dict_items_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "dict_items",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuDictView),
    .tp_dealloc = dictview_dealloc,
    .tp_traverse = dictview_traverse,
    .tp_repr = dictview_repr,
    .tp_hash = ouro_hash_not_implemented,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictitems_iter,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictitems_as_sequence,
    .tp_methods = dictitems_methods,
};

/* Values are not set-like: no comparison beyond identity, and hashable by identity. */
OuroType ou_dict_values_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "dict_values",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuDictView),
    .tp_dealloc = dictview_dealloc,
    .tp_traverse = dictview_traverse,
    .tp_repr = dictview_repr,
    .tp_iter = dictvalues_iter,
    .tp_as_sequence = &dictvalues_as_sequence,
    .tp_methods = dictvalues_methods,
};

DICT_ITER_TYPE(ou_dict_keyiter_type, "dict_keyiterator", dictiter_next_key);
DICT_ITER_TYPE(ou_dict_valueiter_type, "dict_valueiterator", dictiter_next_value);
DICT_ITER_TYPE(ou_dict_itemiter_type, "dict_itemiterator", dictiter_next_item);
DICT_ITER_TYPE(ou_dict_revkeyiter_type, "dict_reversekeyiterator", dictiter_next_key);
DICT_ITER_TYPE(ou_dict_revvalueiter_type, "dict_reversevalueiterator", dictiter_next_value);
DICT_ITER_TYPE(ou_dict_revitemiter_type, "dict_reverseitemiterator", dictiter_next_item);
