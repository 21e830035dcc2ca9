/* tests/unit/test_object.c — the object model: reference counting, immortals,
 * destruction at zero, deep deallocation (the trashcan), GC tracking, finalizers, the
 * generic protocol and the error machinery. Uses a small container type of its own. */
#include "test.h"
#include "objects/objects.h"
#include "gc/gc.h"

/* Node: a GC container with one child, counting its deallocations. */
typedef struct Node {
    OuroObject ob_base;
    OuroObject *child;
} Node;

static long nodes_freed;
static OuroObject *resurrected; /* where the resurrecting finalizer stores its object */
static int finalizer_calls;

static int node_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    Node *n = (Node *)o;
    return n->child ? visit(n->child, arg) : 0;
}

static int node_clear(OuroObject *o)
{
    OURO_CLEAR(((Node *)o)->child);
    return 0;
}

static void node_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    OURO_CLEAR(((Node *)o)->child);
    nodes_freed++;
    ouro_object_free(o);
}

static OuroObject *node_add(OuroObject *a, OuroObject *b) { return OURO_NEWREF(OURO_NOTIMPLEMENTED); }
static const OuroNumberMethods node_as_number = { .nb_add = node_add };

static OuroType node_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "Node",
    .tp_basicsize = sizeof(Node),
    .tp_flags = OURO_TPFLAG_GC,
    .tp_dealloc = node_dealloc,
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_as_number = &node_as_number,
};

/* A type whose finalizer resurrects its object the first time. */
static void phoenix_finalize(OuroObject *o)
{
    finalizer_calls++;
    if (!resurrected)
        resurrected = OURO_NEWREF(o);
}

static OuroType phoenix_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "Phoenix",
    .tp_basicsize = sizeof(Node),
    .tp_flags = OURO_TPFLAG_GC,
    .tp_dealloc = node_dealloc,
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_finalize = phoenix_finalize,
};

static OuroObject *node_new(OuroObject *child)
{
    Node *n = (Node *)ouro_object_alloc(&node_type);
    if (!n)
        return NULL;
    n->child = child; /* steals */
    ouro_gc_track((OuroObject *)n);
    return (OuroObject *)n;
}

static void setup(void)
{
    ouro_type_ready(&node_type);
    ouro_type_ready(&phoenix_type);
    nodes_freed = 0;
    finalizer_calls = 0;
    resurrected = NULL;
}

static void test_header_is_one_word(void)
{
    CHECK_INT(sizeof(OuroObject), 8);
    CHECK_INT(sizeof(OuGCHead), 8);
    /* A 3-slot instance: header + GC header + three fields = 40 bytes all-in. */
    CHECK_INT(sizeof(OuroObject) + sizeof(OuGCHead) + 3 * sizeof(void *), 40);
}

static void test_immortals_untouched(void)
{
    OuroObject *singletons[] = { OURO_NONE, OURO_TRUE, OURO_FALSE, OURO_NOTIMPLEMENTED,
                                 OURO_ELLIPSIS, (OuroObject *)&ouro_int_type };
    for (size_t i = 0; i < OU_ARRAY_LEN(singletons); i++) {
        OuroObject *o = singletons[i];
        uint32_t before = o->ob_refcnt;
        CHECK(ouro_is_immortal(o));
        for (int k = 0; k < 1000; k++)
            OURO_INCREF(o);
        for (int k = 0; k < 2000; k++)
            OURO_DECREF(o);
        CHECK_INT(o->ob_refcnt, before);
    }
    CHECK(OURO_TYPE(OURO_NONE) == &ouro_none_type);
    CHECK_REPR(OURO_NONE, "None");
    CHECK_INT(ouro_object_is_true(OURO_NONE), 0);
}

static void test_destroyed_at_zero(void)
{
    setup();
    OuroObject *n = node_new(NULL);
    CHECK_INT(n->ob_refcnt, 1);
    CHECK(!ouro_is_immortal(n));
    OURO_INCREF(n);
    CHECK_INT(n->ob_refcnt, 2);
    OURO_DECREF(n);
    CHECK_INT(nodes_freed, 0);
    OURO_DECREF(n);
    CHECK_INT(nodes_freed, 1);
}

static void test_children_released_with_parent(void)
{
    setup();
    OuroObject *leaf = node_new(NULL);
    OURO_INCREF(leaf);
    OuroObject *parent = node_new(leaf);
    CHECK_INT(leaf->ob_refcnt, 2);
    OURO_DECREF(parent);
    CHECK_INT(nodes_freed, 1);
    CHECK_INT(leaf->ob_refcnt, 1);
    OURO_DECREF(leaf);
    CHECK_INT(nodes_freed, 2);
}

/* The trashcan: freeing a 10,000,000-long chain must not overflow the C stack. */
static void test_deep_chain_dealloc(void)
{
    setup();
    const long n = 10 * 1000 * 1000;
    ou_current.gc->enabled = 0; /* issue 5: collections would promote the chain */
    ouro_ssize base = ou_gc_list_length(ou_current.gc, 0); /* the runtime's own objects */
    OuroObject *head = NULL;
    for (long i = 0; i < n; i++) {
        OuroObject *node = node_new(head);
        if (!CHECK(node != NULL))
            break;
        head = node;
    }
    CHECK_INT(ou_gc_list_length(ou_current.gc, 0), base + n);
    OURO_DECREF(head);
    CHECK_INT(nodes_freed, n);
    CHECK_INT(ou_gc_list_length(ou_current.gc, 0), base);
    CHECK_INT(ou_tstate()->dealloc_depth, 0);
    CHECK(ou_tstate()->trash_later == NULL);
}

static void test_gc_tracking(void)
{
    setup();
    ou_current.gc->enabled = 0; /* issue 5: no collection may move the objects counted */
    ouro_ssize base = ou_gc_list_length(ou_current.gc, 0); /* the runtime's own objects */
    OuroObject *a = node_new(NULL), *b = node_new(NULL);
    CHECK(ouro_gc_is_tracked(a));
    CHECK_INT(ou_gc_list_length(ou_current.gc, 0), base + 2);
    ouro_gc_untrack(a);
    CHECK(!ouro_gc_is_tracked(a));
    ouro_gc_untrack(a); /* idempotent */
    CHECK_INT(ou_gc_list_length(ou_current.gc, 0), base + 1);
    ouro_gc_track(a);
    ouro_gc_track(a);
    CHECK_INT(ou_gc_list_length(ou_current.gc, 0), base + 2);
    CHECK_INT(ou_gc_check_lists(ou_current.gc), 0);
    CHECK(!ouro_gc_is_tracked(OURO_NONE));
    int count0 = ou_current.gc->gens[0].count;
    OURO_DECREF(a);
    OURO_DECREF(b);
    CHECK_INT(ou_current.gc->gens[0].count, count0 - 2);
    CHECK_INT(ou_gc_list_length(ou_current.gc, 0), base);
    CHECK_INT(ou_gc_check_lists(ou_current.gc), 0);
}

static void test_finalizer_resurrection(void)
{
    setup();
    OuroObject *p = ouro_object_alloc(&phoenix_type);
    ouro_gc_track(p);
    OURO_DECREF(p); /* finalizer runs and resurrects */
    CHECK_INT(finalizer_calls, 1);
    CHECK_INT(nodes_freed, 0);
    CHECK(resurrected == p);
    CHECK_INT(p->ob_refcnt, 1);
    OuroObject *again = resurrected;
    resurrected = OURO_NONE; /* don't store it a second time */
    OURO_DECREF(again);      /* finalizer is not called twice (PEP 442) */
    CHECK_INT(finalizer_calls, 1);
    CHECK_INT(nodes_freed, 1);
}

static void test_finalizer_keeps_pending_exception(void)
{
    setup();
    OuroObject *p = ouro_object_alloc(&phoenix_type);
    resurrected = OURO_NONE;
    ouro_err_set_string(&ouro_exc_ValueError, "pending");
    OURO_DECREF(p);
    CHECK_INT(finalizer_calls, 1);
    CHECK_RAISED(&ouro_exc_ValueError, "pending");
}

static void test_alloc_failure_raises_memory_error(void)
{
    setup();
    ouro_mem_fail_after(1, 0);
    OuroObject *n = node_new(NULL);
    CHECK(n == NULL);
    CHECK_RAISED(&ouro_exc_MemoryError, NULL);
    ouro_mem_fail_after(0, 0);
    n = node_new(NULL);
    CHECK(n != NULL);
    OURO_XDECREF(n);
}

static void test_memory_error_preallocated(void)
{
    ouro_mem_fail_after(1, 1); /* every allocation fails from now */
    ouro_err_no_memory();
    OuroObject *e1 = ouro_err_fetch();
    ouro_err_no_memory();
    OuroObject *e2 = ouro_err_fetch();
    ouro_mem_fail_after(0, 0);
    CHECK(e1 != NULL && e1 == e2);
    CHECK(OURO_TYPE(e1) == &ouro_exc_MemoryError);
    OURO_XDECREF(e1);
    OURO_XDECREF(e2);
}

static void test_errors(void)
{
    CHECK(ouro_err_occurred() == NULL);
    ouro_err_set_string(&ouro_exc_KeyError, "k");
    CHECK(ouro_err_occurred() == &ouro_exc_KeyError);
    CHECK(ouro_err_matches(&ouro_exc_LookupError));
    CHECK(ouro_err_matches(&ouro_exc_Exception));
    CHECK(!ouro_err_matches(&ouro_exc_ValueError));
    CHECK_RAISED(&ouro_exc_KeyError, "'k'"); /* KeyError's str is the key's repr */
    CHECK(ouro_object_getattr_str(OURO_NONE, "nope") == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, "'NoneType' object has no attribute 'nope'");
    ouro_err_format(&ouro_exc_ValueError, "%d-%s-%zd", 7, "x", (ouro_ssize)-3);
    CHECK_RAISED(&ouro_exc_ValueError, "7-x--3");
    OuroObject *exc = NULL;
    ouro_err_set_string(&ouro_exc_TypeError, "boom");
    exc = ouro_err_fetch();
    CHECK(ouro_err_occurred() == NULL);
    CHECK_REPR(exc, "TypeError('boom')");
    ouro_err_restore(exc);
    CHECK_RAISED(&ouro_exc_TypeError, "boom");
}

static void test_exception_objects(void)
{
    OuroObject *e = ouro_exception_new(&ouro_exc_ValueError, NULL);
    CHECK_REPR(e, "ValueError()");
    OuroObject *s = ouro_object_str(e);
    CHECK_STR(ouro_str_utf8(s), "");
    OURO_DECREF(s);
    CHECK(ouro_gc_is_tracked(e));
    OURO_DECREF(e);
    OuroObject *one = ouro_int_from_int64(1), *two = ouro_int_from_int64(2);
    OuroObject *args = ouro_tuple_pack(2, one, two);
    e = ouro_exception_new(&ouro_exc_RuntimeError, args);
    CHECK_REPR(e, "RuntimeError(1, 2)");
    s = ouro_object_str(e);
    CHECK_STR(ouro_str_utf8(s), "(1, 2)");
    OURO_DECREF(s);
    OURO_DECREF(e);
    OURO_DECREF(args);
    OURO_DECREF(one);
    OURO_DECREF(two);
}

static void test_context_chaining(void)
{
    ouro_err_set_string(&ouro_exc_KeyError, "first");
    OuroObject *handled = ouro_err_fetch();
    ou_tstate()->exc_info = handled; /* as inside an except block */
    ouro_err_set_string(&ouro_exc_ValueError, "second");
    OuroObject *exc = ouro_err_fetch();
    CHECK(((OuroBaseException *)exc)->context == handled);
    ou_tstate()->exc_info = NULL;
    OURO_DECREF(exc);
    OURO_DECREF(handled);
}

static void test_exception_hierarchy(void)
{
    CHECK(ouro_type_is_subtype(&ouro_exc_KeyError, &ouro_exc_LookupError));
    CHECK(ouro_type_is_subtype(&ouro_exc_ZeroDivisionError, &ouro_exc_ArithmeticError));
    CHECK(ouro_type_is_subtype(&ouro_exc_RecursionError, &ouro_exc_RuntimeError));
    CHECK(ouro_type_is_subtype(&ouro_exc_FileNotFoundError, &ouro_exc_OSError));
    CHECK(ouro_type_is_subtype(&ouro_exc_TabError, &ouro_exc_SyntaxError));
    CHECK(ouro_type_is_subtype(&ouro_exc_SystemExit, &ouro_exc_BaseException));
    CHECK(!ouro_type_is_subtype(&ouro_exc_SystemExit, &ouro_exc_Exception));
    CHECK(ouro_type_is_subtype(&ouro_exc_Exception, &ouro_object_type));
    CHECK(ouro_type_has_flag(&ouro_exc_UnicodeDecodeError, OURO_TPFLAG_BASE_EXC_SUBCLASS));
    CHECK_REPR((OuroObject *)&ouro_exc_KeyError, "<class 'KeyError'>");
}

static void test_protocol_errors(void)
{
    setup();
    OuroObject *a = node_new(NULL), *b = node_new(NULL);
    CHECK(ouro_object_richcompare(a, b, OURO_LT) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'Node' and 'Node'");
    CHECK_INT(ouro_object_richcompare_bool(a, a, OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_EQ), 0);
    CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_NE), 1);
    CHECK(ouro_number_add(a, b) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unsupported operand type(s) for +: 'Node' and 'Node'");
    CHECK(ouro_number_negative(a) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "bad operand type for unary -: 'Node'");
    CHECK(ouro_object_length(a) == -1);
    CHECK_RAISED(&ouro_exc_TypeError, "object of type 'Node' has no len()");
    CHECK(ouro_object_get_iter(a) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'Node' object is not iterable");
    CHECK(ouro_object_getitem(a, b) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'Node' object is not subscriptable");
    CHECK(ouro_object_call(a, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'Node' object is not callable");
    CHECK_INT(ouro_object_hash(a), ouro_hash_pointer(a));
    CHECK_INT(ouro_object_is_true(a), 1);
    OURO_DECREF(a);
    OURO_DECREF(b);
}

static void test_recursion_guard(void)
{
    int entered = 0;
    while (ou_enter_recursive_call(" in test") == 0)
        entered++;
    CHECK_INT(entered, ou_tstate()->recursion_limit);
    while (entered--)
        ou_leave_recursive_call();
    CHECK_RAISED(&ouro_exc_RecursionError, "maximum recursion depth exceeded in test");
    CHECK_INT(ou_tstate()->recursion_depth, 0);
}

static void test_static_types_without_new(void)
{
    /* Iterator types are not instantiable from Python, as in CPython. */
    CHECK(ouro_object_call((OuroObject *)&ou_list_iter_type, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "cannot create 'list_iterator' instances");
    OuroObject *o = ouro_object_call((OuroObject *)&ouro_object_type, NULL, NULL);
    CHECK(o != NULL && OURO_TYPE(o) == &ouro_object_type);
    OURO_XDECREF(o);
}

static void test_number_index_of_bool(void)
{
    OuroObject *i = ouro_number_index(OURO_TRUE);
    CHECK(i != NULL && ouro_int_check_exact(i));
    CHECK_INT(ouro_int_as_int64(i), 1);
    OURO_XDECREF(i);
    CHECK(ouro_number_index(OURO_NONE) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'NoneType' object cannot be interpreted as an integer");
}

static void test_runtime_nesting(void)
{
    /* A second runtime can be created and freed while another is current. */
    OuroRuntime *outer = ouro_runtime_current();
    OuroRuntime *inner = ouro_runtime_new();
    CHECK(inner != NULL && ouro_runtime_current() == inner);
    OuroObject *n = ouro_int_from_int64(1000000);
    OURO_DECREF(n);
    CHECK_INT(ouro_runtime_free(inner), 0);
    CHECK(ouro_runtime_current() == outer);
}

int main(void)
{
    th_begin("object");
    RUN(test_header_is_one_word);
    RUN(test_immortals_untouched);
    RUN(test_destroyed_at_zero);
    RUN(test_children_released_with_parent);
    RUN(test_deep_chain_dealloc);
    RUN(test_gc_tracking);
    RUN(test_finalizer_resurrection);
    RUN(test_finalizer_keeps_pending_exception);
    RUN(test_alloc_failure_raises_memory_error);
    RUN(test_memory_error_preallocated);
    RUN(test_errors);
    RUN(test_exception_objects);
    RUN(test_context_chaining);
    RUN(test_exception_hierarchy);
    RUN(test_protocol_errors);
    RUN(test_recursion_guard);
    RUN(test_static_types_without_new);
    RUN(test_number_index_of_bool);
    RUN(test_runtime_nesting);
    return th_end();
}
