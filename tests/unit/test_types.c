/* tests/unit/test_types.c — the type machinery without the parser: static type dicts and
 * their descriptors, attribute lookup and its messages, classes built with ou_type_new
 * (MRO, layout, errors), dunder slots both ways, subclasses of built-ins, property,
 * staticmethod, classmethod, super and modules. Python functions are stood in for by a
 * small "testfunc" type that binds like a function. */
#include "test.h"
#include "objects/typeimpl.h"
#include <stdlib.h>

/* ---------------------------------------------------------------- helpers -- */

/* testfunc: a C function that binds as a method (METHOD_DESCRIPTOR + __get__), so that
 * classes can hold "methods" without the compiler. */
typedef struct TestFunc {
    OuroObject ob_base;
    ouro_cfunction_fast fn;
} TestFunc;

static OuroObject *tf_vectorcall(OuroObject *self, OuroObject *const *args, size_t nargs,
                                 OuroObject *kwnames)
{
    return ((TestFunc *)self)->fn(NULL, args, (ouro_ssize)nargs);
}

static OuroObject *tf_get(OuroObject *self, OuroObject *obj, OuroObject *type)
{
    if (!obj)
        return OURO_NEWREF(self);
    return ou_method_new(self, obj);
}

static OuroObject *tf_call(OuroObject *self, OuroObject *args, OuroObject *kwargs)
{
    return tf_vectorcall(self, OURO_TUPLE_ITEMS(args), (size_t)OURO_TUPLE_SIZE(args), NULL);
}

static OuroType testfunc_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "testfunc",
    .tp_basicsize = sizeof(TestFunc),
    .tp_flags = OURO_TPFLAG_METHOD_DESCRIPTOR,
    .tp_call = tf_call,
    .tp_vectorcall = tf_vectorcall,
    .tp_descr_get = tf_get,
};

static OuroObject *tfunc(ouro_cfunction_fast fn)
{
    TestFunc *f = (TestFunc *)ouro_object_alloc(&testfunc_type);
    if (f)
        f->fn = fn;
    return (OuroObject *)f;
}

static OuroObject *S(const char *s) { return ouro_str_intern_cstr(s); }

static OuroObject *getattr(OuroObject *o, const char *name)
{
    return ouro_object_getattr_str(o, name);
}

static int setattr(OuroObject *o, const char *name, OuroObject *v)
{
    return ouro_object_setattr(o, S(name), v);
}

/* Checks that repr(o) starts with prefix. */
static void check_repr_prefix(OuroObject *o, const char *prefix, int line)
{
    OuroObject *r = o ? ouro_object_repr(o) : NULL;
    int ok = r && strncmp(ouro_str_utf8(r), prefix, strlen(prefix)) == 0;
    if (!ok)
        fprintf(stderr, "# line %d: repr %s does not start with %s\n", line,
                r ? ouro_str_utf8(r) : "(error)", prefix);
    th_check(ok, prefix, __FILE__, line);
    OURO_XDECREF(r);
    if (!r)
        ouro_err_clear();
}
#define CHECK_REPR_PREFIX(o, p) check_repr_prefix((OuroObject *)(o), (p), __LINE__)

/* A class: ou_type_new(type, name, bases, ns) with __module__ = "__main__". */
static OuroObject *make_class(const char *name, OuroObject *bases, OuroObject *ns)
{
    OuroObject *own_ns = ns ? OURO_NEWREF(ns) : ouro_dict_new();
    OuroObject *own_bases = bases ? OURO_NEWREF(bases) : ouro_tuple_new(0);
    OuroObject *n = ouro_str_from_cstr(name), *c = NULL, *mod = S("__main__");
    if (own_ns && own_bases && n && mod &&
        (ouro_dict_get_item_str(own_ns, "__module__") ||
         ouro_dict_set_item_str(own_ns, "__module__", mod) == 0))
        c = ou_type_new(&ouro_type_type, n, own_bases, own_ns, NULL);
    OURO_XDECREF(n);
    OURO_XDECREF(own_ns);
    OURO_XDECREF(own_bases);
    return c;
}

static OuroObject *call0(OuroObject *f) { return ouro_object_vectorcall(f, NULL, 0, NULL); }
static OuroObject *call1(OuroObject *f, OuroObject *a) { return ouro_object_vectorcall(f, &a, 1, NULL); }
static OuroObject *call2(OuroObject *f, OuroObject *a, OuroObject *b)
{
    OuroObject *args[2] = { a, b };
    return ouro_object_vectorcall(f, args, 2, NULL);
}

static void setup(void) { ouro_type_ready(&testfunc_type); }

/* ------------------------------------------------------- static type dicts -- */

static void test_static_descriptors(void)
{
    setup();
    OuroObject *d = ou_type_dict(&ouro_list_type);
    CHECK(d != NULL);
    CHECK_REPR(ouro_dict_get_item_str(d, "append"), "<method 'append' of 'list' objects>");
    CHECK_REPR(ouro_dict_get_item_str(d, "__len__"), "<slot wrapper '__len__' of 'list' objects>");
    CHECK_REPR(ouro_dict_get_item_str(d, "__init__"), "<slot wrapper '__init__' of 'list' objects>");
    CHECK_REPR(ouro_dict_get_item_str(d, "__hash__"), "None");
    CHECK_REPR_PREFIX(ouro_dict_get_item_str(d, "__new__"), "<built-in method __new__ of type object at 0x");
    OuroObject *idict = ou_type_dict(&ouro_int_type);
    CHECK_REPR(ouro_dict_get_item_str(idict, "__add__"), "<slot wrapper '__add__' of 'int' objects>");
    CHECK_REPR(ouro_dict_get_item_str(idict, "__radd__"), "<slot wrapper '__radd__' of 'int' objects>");
    CHECK_REPR(ouro_dict_get_item_str(idict, "real"), "<attribute 'real' of 'int' objects>");
    OuroObject *ddict = ou_type_dict(&ouro_dict_type);
    CHECK_REPR(ouro_dict_get_item_str(ddict, "fromkeys"), "<method 'fromkeys' of 'dict' objects>");
    OuroObject *odict = ou_type_dict(&ouro_object_type);
    CHECK_REPR(ouro_dict_get_item_str(odict, "__init__"), "<slot wrapper '__init__' of 'object' objects>");
    CHECK_REPR(ouro_dict_get_item_str(odict, "__eq__"), "<slot wrapper '__eq__' of 'object' objects>");
    CHECK_REPR(ouro_dict_get_item_str(ou_type_dict(&ouro_range_type), "start"),
               "<member 'start' of 'range' objects>");
}

static void test_static_getattr(void)
{
    setup();
    OuroObject *l = ouro_list_new(0), *one = ouro_int_from_int64(1), *two = ouro_int_from_int64(2);
    OuroObject *m = getattr(l, "append");
    CHECK_REPR_PREFIX(m, "<built-in method append of list object at 0x");
    OuroObject *r = call1(m, one);
    CHECK(r == OURO_NONE);
    CHECK_INT(ouro_list_size(l), 1);
    CHECK(call0(m) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "list.append() takes exactly one argument (0 given)");
    CHECK(call2(m, one, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "list.append() takes exactly one argument (2 given)");
    OURO_DECREF(m);
    OuroObject *clear = getattr(l, "clear");
    CHECK(call1(clear, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "list.clear() takes no arguments (1 given)");
    OURO_DECREF(clear);
    /* Unbound: list.append(l, 2), and its errors. */
    OuroObject *ua = getattr((OuroObject *)&ouro_list_type, "append");
    CHECK_REPR(ua, "<method 'append' of 'list' objects>");
    r = call2(ua, l, two);
    CHECK(r == OURO_NONE);
    CHECK_INT(ouro_list_size(l), 2);
    CHECK(call0(ua) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unbound method list.append() needs an argument");
    CHECK(call2(ua, one, two) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
    OURO_DECREF(ua);
    /* Slot wrappers and method-wrappers. */
    OuroObject *iadd = getattr((OuroObject *)&ouro_int_type, "__add__");
    CHECK_REPR(iadd, "<slot wrapper '__add__' of 'int' objects>");
    r = call2(iadd, one, two);
    CHECK_REPR(r, "3");
    OURO_XDECREF(r);
    CHECK(call1(iadd, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "expected 1 argument, got 0");
    CHECK(call2(iadd, S("a"), one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "descriptor '__add__' requires a 'int' object but received a 'str'");
    OURO_DECREF(iadd);
    OuroObject *mw = getattr(one, "__add__");
    CHECK_REPR_PREFIX(mw, "<method-wrapper '__add__' of int object at 0x");
    r = call1(mw, two);
    CHECK_REPR(r, "3");
    OURO_XDECREF(r);
    OURO_DECREF(mw);
    /* None is an instance like any other: its methods bind to it. */
    mw = getattr(OURO_NONE, "__repr__");
    CHECK_REPR_PREFIX(mw, "<method-wrapper '__repr__' of NoneType object at 0x");
    CHECK_REPR(r = call0(mw), "'None'");
    OURO_XDECREF(r);
    OURO_XDECREF(mw);
    /* Class methods of static types. */
    OuroObject *fk = getattr((OuroObject *)&ouro_dict_type, "fromkeys");
    CHECK_REPR_PREFIX(fk, "<built-in method fromkeys of type object at 0x");
    r = call1(fk, l);
    CHECK_REPR(r, "{1: None, 2: None}");
    OURO_XDECREF(r);
    OURO_DECREF(fk);
    OURO_DECREF(l);
    OURO_DECREF(two);
}

static void test_static_attr_errors(void)
{
    setup();
    OuroObject *one = ouro_int_from_int64(1);
    CHECK(setattr((OuroObject *)&ouro_int_type, "x", one) < 0);
    CHECK_RAISED(&ouro_exc_TypeError, "cannot set 'x' attribute of immutable type 'int'");
    CHECK(setattr(one, "x", one) < 0);
    CHECK_RAISED(&ouro_exc_AttributeError, "'int' object has no attribute 'x'");
    CHECK(setattr(one, "real", one) < 0);
    CHECK_RAISED(&ouro_exc_AttributeError, "attribute 'real' of 'int' objects is not writable");
    CHECK(getattr(one, "zz") == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, "'int' object has no attribute 'zz'");
    CHECK(getattr((OuroObject *)&ouro_int_type, "zz") == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, "type object 'int' has no attribute 'zz'");
    OuroObject *o = call0((OuroObject *)&ouro_object_type);
    CHECK(getattr(o, "__dict__") == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, "'object' object has no attribute '__dict__'");
    CHECK(setattr(o, "x", one) < 0);
    CHECK_RAISED(&ouro_exc_AttributeError, "'object' object has no attribute 'x'");
    OURO_DECREF(o);
    OuroObject *zero = ouro_int_from_int64(0), *three = ouro_int_from_int64(3);
    OuroObject *r = ouro_range_new(zero, three, one);
    CHECK(setattr(r, "start", one) < 0);
    CHECK_RAISED(&ouro_exc_AttributeError, "readonly attribute");
    OURO_DECREF(r);
}

static void test_type_attributes(void)
{
    setup();
    OuroObject *t = (OuroObject *)&ouro_bool_type, *v;
    CHECK_REPR(v = getattr(t, "__name__"), "'bool'");
    OURO_XDECREF(v);
    CHECK_REPR(v = getattr(t, "__module__"), "'builtins'");
    OURO_XDECREF(v);
    CHECK_REPR(v = getattr(t, "__mro__"), "(<class 'bool'>, <class 'int'>, <class 'object'>)");
    OURO_XDECREF(v);
    CHECK_REPR(v = getattr(t, "__bases__"), "(<class 'int'>,)");
    OURO_XDECREF(v);
    CHECK_REPR(v = getattr((OuroObject *)&ouro_object_type, "__base__"), "None");
    OURO_XDECREF(v);
    CHECK_REPR(v = getattr((OuroObject *)&ouro_list_type, "__hash__"), "None");
    OURO_XDECREF(v);
    CHECK_REPR(v = getattr((OuroObject *)&ouro_int_type, "__hash__"), "<slot wrapper '__hash__' of 'int' objects>");
    OURO_XDECREF(v);
    v = getattr((OuroObject *)&ouro_int_type, "__dict__");
    CHECK(v && OURO_IS_TYPE(v, &ou_mappingproxy_type));
    OuroObject *add = v ? ouro_object_getitem(v, S("__add__")) : NULL;
    CHECK_REPR(add, "<slot wrapper '__add__' of 'int' objects>");
    OURO_XDECREF(add);
    OURO_XDECREF(v);
    OuroObject *mro = getattr(t, "mro");
    CHECK_REPR(v = call0(mro), "[<class 'bool'>, <class 'int'>, <class 'object'>]");
    OURO_XDECREF(v);
    OURO_XDECREF(mro);
    CHECK_REPR(v = getattr(ouro_int_from_int64(5), "__class__"), "<class 'int'>");
    OURO_XDECREF(v);
    /* type(x) and type() errors. */
    OuroObject *one = ouro_int_from_int64(1);
    CHECK_REPR(v = call1((OuroObject *)&ouro_type_type, one), "<class 'int'>");
    OURO_XDECREF(v);
    CHECK(call2((OuroObject *)&ouro_type_type, one, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "type() takes 1 or 3 arguments");
}

/* ---------------------------------------------------------------- classes -- */

static void test_class_basics(void)
{
    setup();
    OuroObject *c = make_class("C", NULL, NULL);
    CHECK_REPR(c, "<class '__main__.C'>");
    /* Classes are GC-tracked; static types have no GC header and never are. */
    CHECK_INT(ouro_gc_is_tracked(c), 1);
    CHECK_INT(ouro_gc_is_tracked((OuroObject *)&ouro_int_type), 0);
    CHECK_INT(ouro_object_footprint((OuroObject *)&ouro_int_type), sizeof(OuroType));
    OuroObject *v;
    CHECK_REPR(v = getattr(c, "__mro__"), "(<class '__main__.C'>, <class 'object'>)");
    OURO_XDECREF(v);
    CHECK_REPR(v = getattr(c, "__doc__"), "None");
    OURO_XDECREF(v);
    CHECK_REPR(v = getattr(c, "__qualname__"), "'C'");
    OURO_XDECREF(v);
    OuroObject *o = call0(c);
    CHECK_REPR_PREFIX(o, "<__main__.C object at 0x");
    OuroObject *one = ouro_int_from_int64(1);
    CHECK(setattr(o, "x", one) == 0);
    CHECK(getattr(o, "x") == one);
    CHECK_REPR(v = getattr(o, "__dict__"), "{'x': 1}");
    OURO_XDECREF(v);
    CHECK(getattr(o, "y") == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, "'C' object has no attribute 'y'");
    CHECK(ouro_object_setattr(o, S("x"), NULL) == 0);
    CHECK(ouro_object_setattr(o, S("x"), NULL) < 0);
    CHECK_RAISED(&ouro_exc_AttributeError, "'C' object has no attribute 'x'");
    CHECK(getattr(c, "q") == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, "type object 'C' has no attribute 'q'");
    CHECK(ouro_object_setattr(c, S("q"), NULL) < 0);
    CHECK_RAISED(&ouro_exc_AttributeError, "type object 'C' has no attribute 'q'");
    /* Class attributes, shadowed by instance ones; changes are seen (cache invalidation). */
    CHECK(setattr(c, "k", one) == 0);
    CHECK(getattr(o, "k") == one);
    OuroObject *two = ouro_int_from_int64(2);
    CHECK(setattr(c, "k", two) == 0);
    CHECK(getattr(o, "k") == two);
    CHECK(call1(c, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "C() takes no arguments");
    /* __name__ and __qualname__ are settable on classes. */
    CHECK(setattr(c, "__qualname__", S("Outer.C")) == 0);
    CHECK_REPR(c, "<class '__main__.Outer.C'>");
    CHECK(setattr(c, "__name__", one) < 0);
    CHECK_RAISED(&ouro_exc_TypeError, "can only assign string to C.__name__, not 'int'");
    OURO_DECREF(o);
    OURO_DECREF(c);
}

static void test_class_mro(void)
{
    setup();
    OuroObject *a = make_class("A", NULL, NULL);
    OuroObject *ba = ouro_tuple_pack(1, a);
    OuroObject *b = make_class("B", ba, NULL), *c = make_class("C", ba, NULL);
    OuroObject *bc = ouro_tuple_pack(2, b, c);
    OuroObject *d = make_class("D", bc, NULL), *v;
    CHECK_REPR(v = getattr(d, "__mro__"), "(<class '__main__.D'>, <class '__main__.B'>, "
               "<class '__main__.C'>, <class '__main__.A'>, <class 'object'>)");
    OURO_XDECREF(v);
    OuroObject *subs = getattr(a, "__subclasses__");
    CHECK_REPR(v = call0(subs), "[<class '__main__.B'>, <class '__main__.C'>]");
    OURO_XDECREF(v);
    OURO_XDECREF(subs);
    /* Inconsistent order: (A, B) with B a subclass of A. */
    OuroObject *ab = ouro_tuple_pack(2, a, b);
    CHECK(make_class("X", ab, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases A, B");
    OuroObject *aa = ouro_tuple_pack(2, a, a);
    CHECK(make_class("X", aa, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "duplicate base class A");
    OuroObject *bb = ouro_tuple_pack(1, &ouro_bool_type);
    CHECK(make_class("X", bb, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "type 'bool' is not an acceptable base type");
    OuroObject *is = ouro_tuple_pack(2, &ouro_int_type, &ouro_str_type);
    CHECK(make_class("X", is, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "multiple bases have instance lay-out conflict");
    /* Attribute lookup follows the MRO: C's attribute before A's. */
    CHECK(setattr(a, "f", S("A")) == 0);
    CHECK(setattr(c, "f", S("C")) == 0);
    OuroObject *dobj = call0(d);
    CHECK(getattr(dobj, "f") == S("C"));
    CHECK_INT(ou_object_isinstance(dobj, a), 1);
    OuroObject *tup = ouro_tuple_pack(2, &ouro_int_type, c);
    CHECK_INT(ou_object_isinstance(dobj, tup), 1);
    CHECK_INT(ou_object_isinstance(dobj, (OuroObject *)&ouro_int_type), 0);
    CHECK_INT(ou_object_issubclass(d, a), 1);
    CHECK_INT(ou_object_issubclass(a, d), 0);
    CHECK_INT(ou_object_isinstance(dobj, S("x")), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    OuroObject *objs[] = { dobj, tup, is, bb, aa, ab, d, bc, b, c, ba, a };
    for (size_t i = 0; i < OU_ARRAY_LEN(objs); i++)
        OURO_DECREF(objs[i]);
}

/* Dunder methods of the test classes. */
static OuroObject *m_repr(OuroObject *s, OuroObject *const *a, ouro_ssize n) { return ouro_str_from_cstr("<V>"); }
static OuroObject *m_add(OuroObject *s, OuroObject *const *a, ouro_ssize n)
{
    return ouro_str_from_format("add(%R)", a[1]);
}
static OuroObject *m_radd(OuroObject *s, OuroObject *const *a, ouro_ssize n)
{
    return ouro_str_from_format("radd(%R)", a[1]);
}
static OuroObject *m_eq(OuroObject *s, OuroObject *const *a, ouro_ssize n) { return OURO_NEWREF(OURO_TRUE); }
static OuroObject *m_hash(OuroObject *s, OuroObject *const *a, ouro_ssize n) { return ouro_int_from_int64(42); }
static OuroObject *m_len(OuroObject *s, OuroObject *const *a, ouro_ssize n) { return ouro_int_from_int64(7); }
static OuroObject *m_getitem(OuroObject *s, OuroObject *const *a, ouro_ssize n)
{
    return ouro_str_from_format("item(%R)", a[1]);
}
static OuroObject *m_getattr(OuroObject *s, OuroObject *const *a, ouro_ssize n)
{
    return ouro_str_from_format("ga(%S)", a[1]);
}
static OuroObject *m_init(OuroObject *s, OuroObject *const *a, ouro_ssize n)
{
    if (n != 2)
        return ouro_err_format(&ouro_exc_TypeError, "init wants 1 argument");
    return ouro_object_setattr(a[0], S("v"), a[1]) < 0 ? NULL : OURO_NEWREF(OURO_NONE);
}

static int ns_set(OuroObject *ns, const char *name, ouro_cfunction_fast fn)
{
    OuroObject *f = tfunc(fn);
    int r = ouro_dict_set_item_str(ns, name, f);
    OURO_DECREF(f);
    return r;
}

static void test_class_slots(void)
{
    setup();
    OuroObject *ns = ouro_dict_new();
    ns_set(ns, "__repr__", m_repr);
    ns_set(ns, "__add__", m_add);
    ns_set(ns, "__radd__", m_radd);
    ns_set(ns, "__len__", m_len);
    ns_set(ns, "__getitem__", m_getitem);
    ns_set(ns, "__init__", m_init);
    ns_set(ns, "__getattr__", m_getattr);
    OuroObject *v = make_class("V", NULL, ns);
    OuroObject *one = ouro_int_from_int64(1), *r;
    OuroObject *o = call1(v, one);
    CHECK(o != NULL);
    CHECK(getattr(o, "v") == one);
    CHECK_REPR(o, "<V>");
    OuroObject *s = ouro_object_str(o);
    CHECK(s && ouro_str_equal_cstr(s, "<V>"));
    OURO_XDECREF(s);
    CHECK_REPR(r = ouro_number_add(o, one), "'add(1)'");
    OURO_XDECREF(r);
    CHECK_REPR(r = ouro_number_add(one, o), "'radd(1)'");
    OURO_XDECREF(r);
    CHECK_INT(ouro_object_length(o), 7);
    CHECK_INT(ouro_object_is_true(o), 1);
    CHECK_REPR(r = ouro_object_getitem(o, one), "'item(1)'");
    OURO_XDECREF(r);
    CHECK_REPR(r = getattr(o, "missing"), "'ga(missing)'");
    OURO_XDECREF(r);
    CHECK(ouro_number_subtract(o, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, NULL);
    CHECK(call0(v) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "init wants 1 argument");
    /* Hash: default identity, __eq__ alone makes instances unhashable, __hash__ works. */
    CHECK(ouro_object_hash(o) != -1);
    OuroObject *ns2 = ouro_dict_new();
    ns_set(ns2, "__eq__", m_eq);
    OuroObject *e = make_class("E", NULL, ns2);
    OuroObject *eo = call0(e);
    CHECK(ouro_object_hash(eo) == -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'E'");
    CHECK_INT(ouro_object_richcompare_bool(eo, one, OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(eo, one, OURO_NE), 0);
    CHECK_REPR(r = getattr(e, "__hash__"), "None");
    OURO_XDECREF(r);
    /* Assigning a dunder after creation updates the slot, also in subclasses. */
    OuroObject *eb = ouro_tuple_pack(1, e);
    OuroObject *f = make_class("F", eb, NULL);
    OuroObject *fo = call0(f);
    OuroObject *h = tfunc(m_hash);
    CHECK(setattr(e, "__hash__", h) == 0);
    CHECK_INT(ouro_object_hash(eo), 42);
    CHECK_INT(ouro_object_hash(fo), 42);
    OuroObject *rp = tfunc(m_repr);
    CHECK(setattr(e, "__repr__", rp) == 0);
    OURO_DECREF(rp);
    CHECK_REPR(eo, "<V>");
    CHECK_REPR(fo, "<V>");
    OuroObject *objs[] = { h, fo, f, eb, eo, e, ns2, o, v, ns };
    for (size_t i = 0; i < OU_ARRAY_LEN(objs); i++)
        OURO_DECREF(objs[i]);
}

static OuroObject *m_sub_radd(OuroObject *s, OuroObject *const *a, ouro_ssize n)
{
    return ouro_str_from_cstr("sub-radd");
}

/* A subclass's reflected method goes first when it overrides it (SLOT1BINFULL). */
static void test_reflected_priority(void)
{
    setup();
    OuroObject *ns = ouro_dict_new();
    ns_set(ns, "__add__", m_add);
    ns_set(ns, "__radd__", m_radd);
    OuroObject *base = make_class("Base", NULL, ns);
    OuroObject *ns2 = ouro_dict_new();
    ns_set(ns2, "__radd__", m_sub_radd);
    OuroObject *bt = ouro_tuple_pack(1, base);
    OuroObject *sub = make_class("Sub", bt, ns2);
    OuroObject *x = call0(base), *y = call0(sub), *r;
    CHECK_REPR(r = ouro_number_add(x, y), "'sub-radd'");
    OURO_XDECREF(r);
    CHECK_REPR_PREFIX(r = ouro_number_add(y, x), "'add(<__main__.Base object at") ;
    OURO_XDECREF(r);
    OuroObject *objs[] = { y, x, sub, bt, ns2, base, ns };
    for (size_t i = 0; i < OU_ARRAY_LEN(objs); i++)
        OURO_DECREF(objs[i]);
}

static void test_builtin_subclasses(void)
{
    setup();
    OuroObject *lb = ouro_tuple_pack(1, &ouro_list_type);
    OuroObject *l = make_class("L", lb, NULL);
    OuroObject *one = ouro_int_from_int64(1);
    OuroObject *o = call0(l), *r;
    CHECK(o && ouro_list_check(o));
    OuroObject *app = getattr(o, "append");
    OURO_XDECREF(call1(app, one));
    OURO_XDECREF(app);
    CHECK_INT(ouro_object_length(o), 1);
    CHECK_REPR(o, "[1]");
    CHECK(setattr(o, "tag", one) == 0);
    CHECK(getattr(o, "tag") == one);
    CHECK(ouro_object_hash(o) == -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'L'");
    /* A list subclass holding itself: a cycle through the items and one through __dict__. */
    OURO_XDECREF(call1(r = getattr(o, "append"), o));
    OURO_XDECREF(r);
    OuroObject *clr = getattr(o, "clear");
    OURO_XDECREF(call0(clr));
    OURO_XDECREF(clr);
    OURO_DECREF(o);
    OuroObject *db = ouro_tuple_pack(1, &ouro_dict_type);
    OuroObject *dc = make_class("D", db, NULL);
    OuroObject *d = call0(dc);
    CHECK(d && ouro_dict_check(d));
    CHECK(ouro_object_setitem(d, one, one) == 0);
    CHECK_REPR(d, "{1: 1}");
    OURO_DECREF(d);
    /* object.__new__ and list.__new__ with a subtype. */
    OuroObject *lnew = getattr((OuroObject *)&ouro_list_type, "__new__");
    r = call1(lnew, l);
    CHECK(r && OURO_TYPE(r) == (OuroType *)l);
    OURO_XDECREF(r);
    CHECK(call1(lnew, (OuroObject *)&ouro_int_type) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "list.__new__(int): int is not a subtype of list");
    OURO_XDECREF(lnew);
    OuroObject *onew = getattr((OuroObject *)&ouro_object_type, "__new__");
    CHECK(call1(onew, l) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "object.__new__(L) is not safe, use list.__new__()");
    OURO_XDECREF(onew);
    /* Exceptions can be subclassed. */
    OuroObject *exb = ouro_tuple_pack(1, &ouro_exc_ValueError);
    OuroObject *myerr = make_class("MyError", exb, NULL);
    OuroObject *err = call1(myerr, S("bad"));
    CHECK_REPR(err, "MyError('bad')");
    CHECK_INT(ou_object_isinstance(err, (OuroObject *)&ouro_exc_Exception), 1);
    OuroObject *objs[] = { err, myerr, exb, dc, db, l, lb };
    for (size_t i = 0; i < OU_ARRAY_LEN(objs); i++)
        OURO_XDECREF(objs[i]);
}

/* Variable-size bases keep the instance __dict__ after their items. */
static void test_varsize_subclasses(void)
{
    setup();
    OuroType *bases[] = { &ouro_str_type, &ouro_tuple_type, &ouro_bytes_type, &ouro_float_type,
                          &ouro_int_type, &ouro_int_type };
    const char *args[] = { "héllo wörld", NULL, NULL, NULL, NULL, NULL };
    const char *reprs[] = { "'héllo wörld'", "(1, 2, 3)", "b'ab'", "2.5", "-7",
                            "-123456789012345678901234567890" };
    for (size_t i = 0; i < OU_ARRAY_LEN(bases); i++) {
        OuroObject *b = ouro_tuple_pack(1, bases[i]);
        OuroObject *c = make_class("Sub", b, NULL);
        OuroObject *arg;
        if (i == 0)
            arg = ouro_str_from_cstr(args[0]);
        else if (i == 1)
            arg = ouro_tuple_pack(3, ouro_int_from_int64(1), ouro_int_from_int64(2),
                                  ouro_int_from_int64(3));
        else if (i == 2)
            arg = ouro_bytes_from_data("ab", 2);
        else if (i == 3)
            arg = ouro_float_from_double(2.5);
        else if (i == 4)
            arg = ouro_int_from_int64(-7);
        else
            arg = ouro_str_from_cstr("-123456789012345678901234567890");
        OuroObject *o = call1(c, arg);
        CHECK(o && OURO_TYPE(o) == (OuroType *)c);
        CHECK_REPR(o, reprs[i]);
        OuroObject *tag = ouro_str_from_cstr("a tag that lives in the instance dict");
        CHECK(setattr(o, "tag", tag) == 0);
        OuroObject *got = getattr(o, "tag");
        CHECK(got == tag);
        OURO_XDECREF(got);
        CHECK_REPR(o, reprs[i]); /* the dict pointer did not overwrite the value */
        if (i >= 4) { /* arithmetic on the subclass instance gives exact ints */
            OuroObject *sum = ouro_number_add(o, o);
            CHECK(sum && OURO_TYPE(sum) == &ouro_int_type);
            OURO_XDECREF(sum);
        }
        OURO_DECREF(tag);
        OURO_XDECREF(o);
        OURO_DECREF(arg);
        OURO_DECREF(c);
        OURO_DECREF(b);
    }
}

/* ------------------------------------------------------------- descriptors -- */

static OuroObject *m_getx(OuroObject *s, OuroObject *const *a, ouro_ssize n) { return ouro_int_from_int64(10); }
static OuroObject *m_ident(OuroObject *s, OuroObject *const *a, ouro_ssize n)
{
    return ouro_tuple_from_array(a, n);
}

static void test_property_static_class(void)
{
    setup();
    OuroObject *getx = tfunc(m_getx), *ident = tfunc(m_ident);
    OuroObject *pargs = ouro_tuple_pack(1, getx);
    OuroObject *prop = ouro_object_call((OuroObject *)&ou_property_type, pargs, NULL);
    OuroObject *sm = ou_staticmethod_new(ident), *cm = ou_classmethod_new(ident);
    OuroObject *ns = ouro_dict_new();
    ouro_dict_set_item_str(ns, "x", prop);
    ouro_dict_set_item_str(ns, "s", sm);
    ouro_dict_set_item_str(ns, "c", cm);
    ouro_dict_set_item_str(ns, "m", ident);
    OuroObject *k = make_class("P", NULL, ns);
    OuroObject *o = call0(k), *r, *f;
    CHECK_REPR(r = getattr(o, "x"), "10");
    OURO_XDECREF(r);
    CHECK(setattr(o, "x", r) < 0);
    CHECK_RAISED(&ouro_exc_AttributeError, "property 'x' of 'P' object has no setter");
    CHECK(ouro_object_setattr(o, S("x"), NULL) < 0);
    CHECK_RAISED(&ouro_exc_AttributeError, "property 'x' of 'P' object has no deleter");
    CHECK((r = getattr(k, "x")) == prop);
    OURO_XDECREF(r);
    OuroObject *one = ouro_int_from_int64(1);
    f = getattr(o, "s");
    CHECK_REPR(r = call1(f, one), "(1,)");
    OURO_XDECREF(r);
    OURO_XDECREF(f);
    f = getattr(o, "c");
    CHECK_REPR(r = call1(f, one), "(<class '__main__.P'>, 1)");
    OURO_XDECREF(r);
    OURO_XDECREF(f);
    f = getattr(o, "m");
    CHECK_REPR_PREFIX(f, "<bound method ");
    CHECK_REPR_PREFIX(r = call1(f, one), "(<__main__.P object at");
    OURO_XDECREF(r);
    OuroObject *f2 = getattr(o, "m");
    CHECK_INT(ouro_object_richcompare_bool(f, f2, OURO_EQ), 1);
    CHECK(ouro_object_hash(f) == ouro_object_hash(f2));
    OURO_XDECREF(f2);
    OURO_XDECREF(f);
    CHECK_REPR_PREFIX(sm, "<staticmethod(<testfunc object at");
    CHECK(ouro_object_call((OuroObject *)&ou_staticmethod_type, ouro_tuple_new(0), NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "staticmethod expected 1 argument, got 0");
    OuroObject *objs[] = { o, k, ns, cm, sm, prop, pargs, ident, getx };
    for (size_t i = 0; i < OU_ARRAY_LEN(objs); i++)
        OURO_XDECREF(objs[i]);
}

static OuroObject *m_who_a(OuroObject *s, OuroObject *const *a, ouro_ssize n) { return ouro_str_from_cstr("A"); }
static OuroObject *m_who_b(OuroObject *s, OuroObject *const *a, ouro_ssize n) { return ouro_str_from_cstr("B"); }

static void test_super(void)
{
    setup();
    OuroObject *nsa = ouro_dict_new(), *nsb = ouro_dict_new();
    ns_set(nsa, "who", m_who_a);
    ns_set(nsb, "who", m_who_b);
    OuroObject *a = make_class("A", NULL, nsa);
    OuroObject *ba = ouro_tuple_pack(1, a);
    OuroObject *b = make_class("B", ba, nsb);
    OuroObject *o = call0(b);
    OuroObject *sup = call2((OuroObject *)&ou_super_type, b, o), *f, *r;
    CHECK_REPR(sup, "<super: <class 'B'>, <B object>>");
    f = getattr(sup, "who");
    CHECK_REPR(r = call0(f), "'A'");
    OURO_XDECREF(r);
    OURO_XDECREF(f);
    CHECK(getattr(sup, "zz") == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, "'super' object has no attribute 'zz'");
    OURO_XDECREF(sup);
    OuroObject *one = ouro_int_from_int64(1);
    CHECK(call2((OuroObject *)&ou_super_type, b, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    CHECK(call2((OuroObject *)&ou_super_type, one, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "super() argument 1 must be a type, not int");
    /* super(B, B): class-level lookup. */
    sup = call2((OuroObject *)&ou_super_type, b, b);
    f = sup ? getattr(sup, "who") : NULL;
    CHECK_REPR_PREFIX(f, "<testfunc object at");
    OURO_XDECREF(f);
    OURO_XDECREF(sup);
    OuroObject *objs[] = { o, b, ba, a, nsb, nsa };
    for (size_t i = 0; i < OU_ARRAY_LEN(objs); i++)
        OURO_DECREF(objs[i]);
}

static OuroObject *m_set_name(OuroObject *s, OuroObject *const *a, ouro_ssize n)
{
    /* self, owner, name: records the name on the descriptor's instance dict. */
    return ouro_object_setattr(a[0], S("named"), a[2]) < 0 ? NULL : OURO_NEWREF(OURO_NONE);
}

static OuroObject *seen_kwargs;

static OuroObject *m_init_subclass(OuroObject *s, OuroObject *const *a, ouro_ssize n)
{
    /* Called as a classmethod: (cls,) plus keywords packed by tp_call → our tf_call drops
     * them, so classes here pass none; record the class. */
    OURO_XDECREF(seen_kwargs);
    seen_kwargs = OURO_NEWREF(a[0]);
    OURO_RETURN_NONE;
}

static void test_set_name_init_subclass(void)
{
    setup();
    OuroObject *nsd = ouro_dict_new();
    ns_set(nsd, "__set_name__", m_set_name);
    OuroObject *dt = make_class("Desc", NULL, nsd);
    OuroObject *desc = call0(dt);
    OuroObject *ns = ouro_dict_new();
    ouro_dict_set_item_str(ns, "attr", desc);
    OuroObject *isc = tfunc(m_init_subclass), *cm = ou_classmethod_new(isc);
    ouro_dict_set_item_str(ns, "__init_subclass__", cm);
    OuroObject *owner = make_class("Owner", NULL, ns);
    OuroObject *r;
    CHECK_REPR(r = getattr(desc, "named"), "'attr'");
    OURO_XDECREF(r);
    CHECK(seen_kwargs == NULL); /* not called for the class defining it */
    OuroObject *ob = ouro_tuple_pack(1, owner);
    OuroObject *sub = make_class("Sub", ob, NULL);
    CHECK(seen_kwargs == sub);
    OURO_CLEAR(seen_kwargs);
    /* object.__init_subclass__ refuses keywords. */
    OuroObject *kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "flag", OURO_TRUE);
    OuroObject *n = ouro_str_from_cstr("K"), *empty = ouro_tuple_new(0), *kns = ouro_dict_new();
    CHECK(ou_type_new(&ouro_type_type, n, empty, kns, kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "K.__init_subclass__() takes no keyword arguments");
    OuroObject *objs[] = { kns, empty, n, kw, sub, ob, owner, cm, isc, ns, desc, dt, nsd };
    for (size_t i = 0; i < OU_ARRAY_LEN(objs); i++)
        OURO_DECREF(objs[i]);
}

static void test_metaclass(void)
{
    setup();
    OuroObject *tb = ouro_tuple_pack(1, &ouro_type_type);
    OuroObject *meta = make_class("Meta", tb, NULL);
    OuroObject *n = ouro_str_from_cstr("K"), *empty = ouro_tuple_new(0), *ns = ouro_dict_new();
    OuroObject *args = ouro_tuple_pack(3, n, empty, ns);
    OuroObject *k = ouro_object_call(meta, args, NULL), *r;
    CHECK(k && OURO_TYPE(k) == (OuroType *)meta);
    CHECK_REPR(r = getattr(k, "__class__"), "<class '__main__.Meta'>");
    OURO_XDECREF(r);
    /* A class whose base has metaclass Meta gets Meta too; a conflict is reported. */
    OuroObject *kb = ouro_tuple_pack(1, k);
    OuroObject *k2 = ou_type_new(&ouro_type_type, n, kb, ns, NULL);
    CHECK(k2 && OURO_TYPE(k2) == (OuroType *)meta);
    OuroObject *meta2 = make_class("Meta2", tb, NULL);
    OuroObject *k3 = ouro_object_call(meta2, args, NULL);
    OuroObject *both = ouro_tuple_pack(2, k, k3);
    CHECK(ou_type_new(&ouro_type_type, n, both, ns, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                 "(non-strict) subclass of the metaclasses of all its bases");
    OuroObject *objs[] = { both, k3, meta2, k2, kb, k, args, ns, empty, n, meta, tb };
    for (size_t i = 0; i < OU_ARRAY_LEN(objs); i++)
        OURO_XDECREF(objs[i]);
}

/* ---------------------------------------------------------------- modules -- */

static OuroObject *mod_twice(OuroObject *self, OuroObject *arg)
{
    return ouro_number_add(arg, arg);
}

static const OuroMethodDef mod_defs[] = {
    { "twice", OURO_METH(mod_twice), OURO_METH_O, "Return x + x." },
    { NULL, NULL, 0, NULL },
};

static void test_modules(void)
{
    setup();
    OuroObject *m = ou_module_from_defs("mymod", mod_defs, "A module.");
    CHECK_REPR(m, "<module 'mymod' (built-in)>");
    OuroObject *f = getattr(m, "twice"), *r;
    CHECK_REPR(f, "<built-in function twice>");
    OuroObject *three = ouro_int_from_int64(3);
    CHECK_REPR(r = call1(f, three), "6");
    OURO_XDECREF(r);
    CHECK(call0(f) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "twice() takes exactly one argument (0 given)");
    OURO_XDECREF(f);
    CHECK_REPR(r = getattr(m, "__doc__"), "'A module.'");
    OURO_XDECREF(r);
    CHECK(getattr(m, "nope") == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, "module 'mymod' has no attribute 'nope'");
    CHECK(setattr(m, "x", three) == 0);
    CHECK(ouro_dict_get_item_str(ou_module_dict(m), "x") == three);
    /* module -> dict -> function -> module: whoever owns a module clears its dict when
     * done (the interpreter's teardown, as CPython's finalization; later the collector). */
    ouro_dict_clear(ou_module_dict(m));
    OURO_DECREF(m);
    OuroObject *n = ouro_str_from_cstr("m");
    m = ou_module_new(n);
    CHECK_REPR(m, "<module 'm'>");
    CHECK_REPR(r = getattr(m, "__dict__"), "{'__name__': 'm', '__doc__': None, '__package__': None, "
               "'__loader__': None, '__spec__': None}");
    OURO_XDECREF(r);
    OURO_DECREF(m);
    m = call1((OuroObject *)&ou_module_type, n);
    CHECK_REPR(m, "<module 'm'>");
    OURO_XDECREF(m);
    CHECK(call0((OuroObject *)&ou_module_type) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "module() missing required argument 'name' (pos 1)");
    OURO_DECREF(n);
}

/* Classes left alive in cycles are freed at runtime teardown (the harness counts leaks). */
static void test_cycles_freed_at_exit(void)
{
    setup();
    OuroObject *c = make_class("Cyc", NULL, NULL);
    OuroObject *o = call0(c);
    setattr(c, "inst", o);    /* class -> instance -> class */
    OURO_DECREF(o);
    OURO_DECREF(c);
}

/* ------------------------------------------------------- failure injection -- */

/* Builds a class with a dunder, a subclass, an instance with an attribute, and looks up
 * a static type's attribute (its dict built on first use): every step may fail with
 * MemoryError and must leak nothing (the harness checks). Returns a new reference to the
 * instance's repr, or NULL. */
static OuroObject *build_everything(void)
{
    OuroObject *ns = ouro_dict_new(), *r = NULL, *c = NULL, *b = NULL, *sub = NULL, *o = NULL;
    OuroObject *f = tfunc(m_repr), *v = NULL;
    if (!ns || !f || ouro_dict_set_item_str(ns, "__repr__", f) < 0)
        goto done;
    if (!(c = make_class("Inj", NULL, ns)) || !(b = ouro_tuple_pack(1, c)))
        goto done;
    if (!(sub = make_class("InjSub", b, NULL)) || !(o = call0(sub)))
        goto done;
    if (!S("attr") || setattr(o, "attr", f) < 0 || !(v = getattr((OuroObject *)&ouro_float_type, "fromhex")))
        goto done;
    r = ouro_object_repr(o);
done:;
    OuroObject *all[] = { v, o, sub, b, c, f, ns };
    for (size_t i = 0; i < OU_ARRAY_LEN(all); i++)
        OURO_XDECREF(all[i]);
    return r;
}

static void test_failure_injection(void)
{
    setup();
    OuroObject *r = NULL;
    uint64_t n = 1;
    for (;; n++) {
        ouro_mem_fail_after(n, 0);
        r = build_everything();
        ouro_mem_fail_after(0, 0);
        if (r)
            break;
        if (!CHECK_RAISED(&ouro_exc_MemoryError, NULL) || !CHECK(n < 5000))
            break;
    }
    CHECK(n > 5); /* the injection did hit the class machinery */
    CHECK_REPR(r, "'<V>'");
    OURO_XDECREF(r);
}

int main(void)
{
    th_begin("types");
    RUN(test_static_descriptors);
    RUN(test_static_getattr);
    RUN(test_static_attr_errors);
    RUN(test_type_attributes);
    RUN(test_class_basics);
    RUN(test_class_mro);
    RUN(test_class_slots);
    RUN(test_reflected_priority);
    RUN(test_builtin_subclasses);
    RUN(test_varsize_subclasses);
    RUN(test_property_static_class);
    RUN(test_super);
    RUN(test_set_name_init_subclass);
    RUN(test_metaclass);
    RUN(test_modules);
    RUN(test_cycles_freed_at_exit);
    RUN(test_failure_injection);
    return th_end();
}
