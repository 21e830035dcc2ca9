/* src/objects/typelayout.c — the instance layout of classes (issue 7): `__slots__`
 * (CPython 3.11's rules and messages, one fixed field and member descriptor per name) and
 * the placement of the `__dict__` and `__weakref__` words. The shared-key values of
 * instance dicts live in instvalues.c. Narrative: docs/internals/object-layout.md. */
#include "typeimpl.h"
#include "instvalues.h"
#include <string.h>

/* `_Class__name` for a private name (`__x`, not `__x__`), as the compiler mangles them;
 * other names unchanged. New reference, or NULL. */
static OuroObject *mangle(OuroObject *cls_name, OuroObject *name)
{
    const char *n = ouro_str_utf8(name), *c = ouro_str_utf8(cls_name);
    size_t nl = strlen(n);
    if (nl < 3 || n[0] != '_' || n[1] != '_' || (n[nl - 1] == '_' && n[nl - 2] == '_') ||
        strchr(n, '.'))
        return OURO_NEWREF(name);
    while (*c == '_')
        c++;
    if (!*c)
        return OURO_NEWREF(name);
    return ouro_str_from_format("_%s%s", c, n);
}

/* 1 if s is a valid identifier, 0 if not, -1 on error. */
static int is_identifier(OuroObject *s)
{
    int found;
    OuroObject *r = ou_call_method(s, "isidentifier", NULL, 0, &found);
    if (!r)
        return -1;
    int ok = r == OURO_TRUE;
    OURO_DECREF(r);
    return ok;
}

/* The class's __slots__ as a tuple (a str alone is one name). New reference; NULL
 * without an exception when there is no __slots__, with TypeError when it is not
 * iterable. */
static OuroObject *slots_tuple(OuroObject *dict)
{
    OuroObject *s = ouro_dict_get_item_str(dict, "__slots__");
    if (!s)
        return NULL;
    return ouro_str_check(s) ? ouro_tuple_pack(1, s) : ouro_sequence_tuple(s);
}

/* Checks the names as CPython 3.11 does, in its order (variable-size base, identifiers,
 * __dict__/__weakref__ allowed once each), noting *add_dict and *add_weak. 0 or -1. */
static int check_slots(OuroType *base, OuroObject *slots, int *add_dict, int *add_weak)
{
    if (OURO_TUPLE_SIZE(slots) && base->tp_itemsize) {
        ouro_err_format(&ouro_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                        ouro_type_name(base));
        return -1;
    }
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(slots); i++) {
        OuroObject *s = OURO_TUPLE_GET(slots, i);
        if (!ouro_str_check(s)) {
            ouro_err_format(&ouro_exc_TypeError, "__slots__ items must be strings, not '%s'",
                            OURO_TYPE_NAME(s));
            return -1;
        }
        int ok = is_identifier(s);
        if (ok <= 0) {
            if (ok == 0)
                ouro_err_set_string(&ouro_exc_TypeError, "__slots__ must be identifiers");
            return -1;
        }
        if (ouro_str_equal_cstr(s, "__dict__")) {
            if (base->tp_dictoffset || *add_dict) {
                ouro_err_set_string(&ouro_exc_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            *add_dict = 1;
        } else if (ouro_str_equal_cstr(s, "__weakref__")) {
            if (base->tp_weaklistoffset || base->tp_itemsize || *add_weak) {
                ouro_err_set_string(&ouro_exc_TypeError, "__weakref__ slot disallowed: either we "
                                    "already got one, or __itemsize__ != 0");
                return -1;
            }
            *add_weak = 1;
        }
    }
    return 0;
}

/* The field names: mangled, checked against the class variables, sorted (CPython's
 * order of the member descriptors in the class dict). New tuple, or NULL with
 * ValueError. */
static OuroObject *slot_fields(OuroObject *cls_name, OuroObject *dict, OuroObject *slots)
{
    OuroObject *fields = ouro_list_new(0), *r = NULL;
    if (!fields)
        return NULL;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(slots); i++) {
        OuroObject *s = OURO_TUPLE_GET(slots, i);
        if (ouro_str_equal_cstr(s, "__dict__") || ouro_str_equal_cstr(s, "__weakref__"))
            continue;
        OuroObject *m = mangle(cls_name, s);
        if (!m)
            goto done;
        ouro_str_intern_in_place(&m);
        int bad = ouro_dict_get_item_with_error(dict, m) != NULL;
        if (bad)
            ouro_err_format(&ouro_exc_ValueError, "%R in __slots__ conflicts with class variable", m);
        if (bad || ouro_err_occurred() || ouro_list_append(fields, m) < 0) {
            OURO_DECREF(m);
            goto done;
        }
        OURO_DECREF(m);
    }
    if (ouro_list_sort(fields) == 0)
        r = ouro_sequence_tuple(fields);
done:
    OURO_DECREF(fields);
    return r;
}

/* One member descriptor per field, at consecutive words from *size. 0 or -1. */
static int add_members(OuroType *t, OuroObject *fields, ouro_ssize *size)
{
    OuHeapType *ht = OU_HT(t);
    ouro_ssize n = OURO_TUPLE_SIZE(fields);
    ht->ht_slots = OURO_NEWREF(fields);
    if (n == 0)
        return 0;
    if (!(ht->ht_members = ou_mem_alloc((size_t)n * sizeof(OuroMemberDef)))) {
        ouro_err_no_memory();
        return -1;
    }
    ht->ht_nmembers = n;
    for (ouro_ssize i = 0; i < n; i++) {
        OuroObject *name = OURO_TUPLE_GET(fields, i);
        /* the name's text lives as long as ht_slots holds the str */
        ht->ht_members[i] = (OuroMemberDef){ ouro_str_utf8(name), OURO_MEMBER_OBJECT_EX, *size, 0, NULL };
        *size += (ouro_ssize)sizeof(OuroObject *);
        OuroObject *d = ou_descr_new_member(t, &ht->ht_members[i]);
        int r = d ? ouro_dict_set_item(t->tp_dict, name, d) : -1;
        OURO_XDECREF(d);
        if (r < 0)
            return -1;
    }
    return 0;
}

int ou_layout_init(OuroType *t, OuroType *base, OuroObject *name, OuroObject *dict)
{
    ouro_ssize size = base->tp_basicsize;
    int add_dict = !base->tp_dictoffset, add_weak = !base->tp_weaklistoffset && !base->tp_itemsize;
    t->tp_itemsize = base->tp_itemsize;
    t->tp_dictoffset = base->tp_dictoffset;
    t->tp_weaklistoffset = base->tp_weaklistoffset;
    OuroObject *slots = slots_tuple(dict), *fields = NULL;
    if (!slots && ouro_err_occurred())
        return -1;
    if (slots) {
        add_dict = add_weak = 0;
        if (check_slots(base, slots, &add_dict, &add_weak) == 0)
            fields = slot_fields(name, dict, slots);
        OURO_DECREF(slots);
        int r = fields ? add_members(t, fields, &size) : -1;
        OURO_XDECREF(fields);
        if (r < 0)
            return -1;
    }
    if (add_dict) {
        /* Variable-size instances keep it after their items (negative offset). */
        t->tp_dictoffset = t->tp_itemsize ? -(ouro_ssize)sizeof(OuroObject *) : size;
        if (!t->tp_itemsize)
            OU_HT(t)->ht_values = 1; /* shared-key values (instvalues.c) */
        size += (ouro_ssize)sizeof(OuroObject *);
    } else if (ou_type_is_heap(base) && OU_HT(base)->ht_values)
        OU_HT(t)->ht_values = 1; /* same dict word; the class keeps its own keys */
    if (add_weak) {
        t->tp_weaklistoffset = size; /* the weakref list (issue 6) */
        size += (ouro_ssize)sizeof(OuroObject *);
    }
    t->tp_basicsize = size;
    return 0;
}

/* The fields of every class in t's base chain (heap types only; the C base handles its
 * own). fn is called on the address of each field; stops at a nonzero result. */
static int each_slot(OuroType *t, int (*fn)(OuroObject **, void *), void *arg, OuroObject *o)
{
    for (OuroType *b = t; b && ou_type_is_heap(b); b = b->tp_base) {
        OuHeapType *ht = OU_HT(b);
        for (ouro_ssize i = 0; i < ht->ht_nmembers; i++) {
            int r = fn((OuroObject **)(void *)((char *)o + ht->ht_members[i].offset), arg);
            if (r)
                return r;
        }
    }
    return 0;
}

typedef struct VisitArg {
    ouro_visitproc visit;
    void *arg;
} VisitArg;

static int visit_slot(OuroObject **p, void *a)
{
    VisitArg *va = a;
    return *p ? va->visit(*p, va->arg) : 0;
}

static int clear_slot(OuroObject **p, void *a)
{
    OURO_CLEAR(*p);
    return 0;
}

int ou_layout_traverse_slots(OuroObject *o, ouro_visitproc visit, void *arg)
{
    VisitArg va = { visit, arg };
    return each_slot(OURO_TYPE(o), visit_slot, &va, o);
}

void ou_layout_clear_slots(OuroObject *o)
{
    each_slot(OURO_TYPE(o), clear_slot, NULL, o);
}

void ou_layout_fini(OuroType *t)
{
    OuHeapType *ht = OU_HT(t);
    if (ht->ht_members)
        ou_mem_free(ht->ht_members);
    ht->ht_members = NULL;
    ht->ht_nmembers = 0;
    ou_values_keys_free(ht);
}
