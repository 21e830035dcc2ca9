/* tests/unit/test_compile.c — the symbol table and the compiler: compile-time
 * SyntaxErrors with CPython's messages and lines, constant folding, code object layout
 * (names, cells, free variables, flags, line table), reprs of code/function/cell. */
#include "test.h"
#include "lang/eval.h"
#include <stdio.h>
#include <string.h>

static OuroObject *compile(const char *src)
{
    return ou_compile_source(src, strlen(src), "<test>", OU_PARSE_FILE, NULL);
}

/* src must fail to compile with SyntaxError msg at line. */
static void expect_syntax(const char *src, const char *msg, int line, int at)
{
    OuroObject *code = compile(src);
    if (code) {
        OURO_DECREF(code);
        th_check(0, src, __FILE__, at);
        return;
    }
    OuroObject *exc = ouro_err_fetch();
    th_check(exc && ouro_object_type_check(exc, &ouro_exc_SyntaxError), "SyntaxError", __FILE__, at);
    if (!exc || !ouro_object_type_check(exc, &ouro_exc_SyntaxError)) {
        OURO_XDECREF(exc);
        return;
    }
    OuroObject *args = ouro_exception_args(exc);
    th_check_str(ouro_str_utf8(OURO_TUPLE_GET(args, 0)), msg, "msg", "expected", __FILE__, at);
    OuroObject *loc = OURO_TUPLE_GET(args, 1);
    th_check_int(ouro_int_as_int64(OURO_TUPLE_GET(loc, 1)), line, "lineno", "line", __FILE__, at);
    OURO_DECREF(exc);
}
#define SYNTAX(src, msg, line) expect_syntax((src), (msg), (line), __LINE__)

static void test_syntax_errors(void)
{
    SYNTAX("return 1", "'return' outside function", 1);
    SYNTAX("x = 1\nbreak", "'break' outside loop", 2);
    SYNTAX("continue", "'continue' not properly in loop", 1);
    SYNTAX("yield 1", "'yield' outside function", 1);
    SYNTAX("class C:\n    yield 1", "'yield' outside function", 2);
    SYNTAX("def f():\n    x = 1\n    global x", "name 'x' is assigned to before global declaration", 3);
    SYNTAX("def f():\n    print(x)\n    global x", "name 'x' is used prior to global declaration", 3);
    SYNTAX("def f(x):\n    global x", "name 'x' is parameter and global", 2);
    SYNTAX("def f():\n    nonlocal q", "no binding for nonlocal 'q' found", 2);
    SYNTAX("nonlocal x", "nonlocal declaration not allowed at module level", 1);
    SYNTAX("def f(a, a): pass", "duplicate argument 'a' in function definition", 1);
    SYNTAX("[(yield 1) for i in range(3)]", "'yield' inside list comprehension", 1);
    SYNTAX("def f():\n    return {(yield 1) for i in x}", "'yield' inside set comprehension", 2);
    SYNTAX("def f():\n    return ((yield 1) for i in x)", "'yield' inside generator expression", 2);
    SYNTAX("class C:\n    return 1", "'return' outside function", 2);
    SYNTAX("def f():\n    for i in x:\n        pass\n    continue", "'continue' not properly in loop", 4);
    SYNTAX("a, *b, *c = d", "multiple starred expressions in assignment", 1);
    SYNTAX("def f():\n    from sys import *", "import * only allowed at module level", 2);
    SYNTAX("while 1:\n    def f():\n        break", "'break' outside loop", 3);
    SYNTAX("try:\n    pass\nexcept:\n    pass\nexcept KeyError:\n    pass", "default 'except:' must be last", 3);
    SYNTAX("match x:\n    case y: pass\n    case 1: pass",
           "name capture 'y' makes remaining patterns unreachable", 2);
    SYNTAX("match x:\n    case [a] | b: pass", "alternative patterns bind different names", 2);
    SYNTAX("match x:\n    case {'a': 1, 'a': 2}: pass", "mapping pattern checks duplicate key ('a')", 2);
    SYNTAX("match x:\n    case C(x=1,\n           x=2): pass",
           "attribute name repeated in class pattern: x", 3);
    SYNTAX("class C:\n    x = [(y := 1) for i in range(2)]",
           "assignment expression within a comprehension cannot be used in a class body", 2);
}

/* The listing of src's module code contains / lacks a line. */
static int listing_has(const char *src, const char *needle)
{
    OuroObject *code = compile(src);
    if (!code)
        return -1;
    OuroObject *dis = ou_code_disassemble(code);
    int r = dis ? strstr(ouro_str_utf8(dis), needle) != NULL : -1;
    OURO_XDECREF(dis);
    OURO_DECREF(code);
    return r;
}

static void test_folding(void)
{
    /* Folded: no BINARY_OP left. */
    CHECK_INT(listing_has("x = 2 * 3 + 4", "BINARY_OP"), 0);
    CHECK_INT(listing_has("x = -5", "UNARY_NEGATIVE"), 0);
    CHECK_INT(listing_has("x = (1, 2, (3, 'a'))", "BUILD_TUPLE"), 0);
    CHECK_INT(listing_has("x = 'ab' * 4", "BINARY_OP"), 0);
    CHECK_INT(listing_has("x = 2 ** 64", "BINARY_OP"), 0);
    /* Not folded: results beyond CPython's limits, or errors left for run time. */
    CHECK_INT(listing_has("x = 'a' * 10 ** 8", "BINARY_OP"), 1);
    CHECK_INT(listing_has("x = 2 ** 10000", "BINARY_OP"), 1);
    CHECK_INT(listing_has("x = 1 / 0", "BINARY_OP"), 1);
    CHECK_INT(listing_has("x = (1, 2) * 1000", "BINARY_OP"), 1);
    CHECK_INT(listing_has("x = [1, 2]", "BUILD_LIST"), 1);
    OuroObject *code = compile("x = 2 ** 10 - 24\n");
    CHECK(code != NULL);
    if (code) {
        OuroObject *consts = ((OuCode *)code)->co_consts;
        CHECK_REPR(OURO_TUPLE_GET(consts, 0), "1000");
        OURO_DECREF(code);
    }
}

static void test_fused_instructions(void)
{
    /* Compile-time fusions: a call of a global, `return CONST`, `is None` tests. */
    CHECK_INT(listing_has("def f():\n    return g()", "LOAD_GLOBAL_NULL"), 1);
    CHECK_INT(listing_has("def f():\n    return g()", "PUSH_NULL"), 0);
    CHECK_INT(listing_has("def f():\n    return 5", "RETURN_CONST"), 1);
    CHECK_INT(listing_has("def f(x):\n    if x is None:\n        return 1", "IS_OP"), 0);
    CHECK_INT(listing_has("def f(x):\n    if x is None:\n        return 1", "POP_JUMP_IF_NOT_NONE"), 1);
    /* Not fused: a jump lands between the two (the conditional expression's join). */
    CHECK_INT(listing_has("def f(x):\n    return 1 if x else 2", "RETURN_VALUE"), 1);
    /* Superinstructions formed at assembly; the second word stays in place. */
    CHECK_INT(listing_has("def f(a, b):\n    return a + b", "LOAD_FAST__LOAD_FAST"), 1);
    CHECK_INT(listing_has("def f(a, b):\n    return a + b", "LOAD_FAST            1"), 1);
    CHECK_INT(listing_has("def f(a):\n    b = a\n    return b", "STORE_FAST__LOAD_FAST"), 1);
    CHECK_INT(listing_has("def f(a):\n    return a + 1", "LOAD_FAST__LOAD_CONST"), 1);
}

static OuroObject *attr(OuroObject *o, const char *name)
{
    return ouro_object_getattr_str(o, name);
}

static void check_attr(OuroObject *o, const char *name, const char *repr, int at)
{
    OuroObject *v = attr(o, name);
    if (!v) {
        ouro_err_print();
        th_check(0, name, __FILE__, at);
        return;
    }
    th_check_repr(v, repr, __FILE__, at);
    OURO_DECREF(v);
}
#define ATTR(o, n, r) check_attr((o), (n), (r), __LINE__)

/* The code object of the first function defined by src. */
static OuroObject *first_function_code(OuroObject *module)
{
    OuroObject *consts = ((OuCode *)module)->co_consts;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(consts); i++)
        if (OURO_IS_TYPE(OURO_TUPLE_GET(consts, i), &ou_code_type))
            return OURO_TUPLE_GET(consts, i);
    return NULL;
}

static void test_code_layout(void)
{
    OuroObject *m = compile("def f(a, b, /, c, *args, d, e=1, **kw):\n    x = a\n"
                            "    def g():\n        return b + x\n    yield g\n");
    CHECK(m != NULL);
    if (!m)
        return;
    OuroObject *f = first_function_code(m);
    CHECK(f != NULL);
    if (f) {
        ATTR(f, "co_argcount", "3");
        ATTR(f, "co_posonlyargcount", "2");
        ATTR(f, "co_kwonlyargcount", "2");
        ATTR(f, "co_varnames", "('a', 'b', 'c', 'd', 'e', 'args', 'kw', 'g')");
        ATTR(f, "co_cellvars", "('b', 'x')");
        ATTR(f, "co_freevars", "()");
        ATTR(f, "co_name", "'f'");
        /* OPTIMIZED | NEWLOCALS | VARARGS | VARKEYWORDS | GENERATOR */
        ATTR(f, "co_flags", "47");
        OuroObject *g = first_function_code(f);
        CHECK(g != NULL);
        if (g) {
            ATTR(g, "co_freevars", "('b', 'x')");
            ATTR(g, "co_qualname", "'f.<locals>.g'");
            ATTR(g, "co_flags", "19");
        }
    }
    OURO_DECREF(m);
    m = compile("def f(a):\n    return lambda: a\n");
    if (m) {
        OuroObject *fc = first_function_code(m);
        ATTR(fc, "co_cellvars", "('a',)");
        ATTR(fc, "co_varnames", "('a',)");
        OURO_DECREF(m);
    }
}

static void test_line_table(void)
{
    OuroObject *m = compile("a = 1\n\nb = (a +\n     2)\nc = 3\n");
    CHECK(m != NULL);
    if (!m)
        return;
    OuCode *co = (OuCode *)m;
    int lines[16] = { 0 };
    for (int i = 0; i < co->co_ncode && i < 16; i++)
        lines[i] = ou_code_line_at(m, i * 4);
    CHECK_INT(lines[0], 1);
    CHECK_INT(ou_code_line_at(m, -1), 1);
    int saw3 = 0, saw5 = 0;
    for (int i = 0; i < co->co_ncode && i < 16; i++) {
        saw3 |= lines[i] == 3;
        saw5 |= lines[i] == 5;
        CHECK(lines[i] != 2);
    }
    CHECK(saw3 && saw5);
    int l, el, c, ec;
    ou_code_positions_at(m, 0, &l, &el, &c, &ec);
    CHECK_INT(l, 1);
    CHECK(c >= 0);
    OURO_DECREF(m);
}

static void test_reprs(void)
{
    OuroObject *m = compile("def f():\n    pass\n");
    CHECK(m != NULL);
    if (!m)
        return;
    OuroObject *r = ouro_object_repr(m);
    CHECK(r && !strncmp(ouro_str_utf8(r), "<code object <module> at 0x", 27));
    CHECK(r && strstr(ouro_str_utf8(r), ", file \"<test>\", line 1>") != NULL);
    OURO_XDECREF(r);
    OURO_DECREF(m);
    OuroObject *one = ouro_int_from_int64(1000);
    OuroObject *cell = ou_cell_new(one), *empty = ou_cell_new(NULL);
    r = ouro_object_repr(cell);
    CHECK(r && strstr(ouro_str_utf8(r), ": int object at 0x") != NULL);
    OURO_XDECREF(r);
    r = ouro_object_repr(empty);
    CHECK(r && strstr(ouro_str_utf8(r), ": empty>") != NULL);
    OURO_XDECREF(r);
    OuroObject *v = attr(cell, "cell_contents");
    CHECK(v == one);
    OURO_XDECREF(v);
    CHECK(attr(empty, "cell_contents") == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "Cell is empty");
    OURO_DECREF(cell);
    OURO_DECREF(empty);
    OURO_DECREF(one);
}

/* The contract: a tree built by hand compiles (x = 6 * 7). */
static void test_compile_ast(void)
{
    OuAstArena *a = ou_ast_arena_new();
    CHECK(a != NULL);
    if (!a)
        return;
    OuroObject *six = ouro_int_from_int64(6), *seven = ouro_int_from_int64(7);
    OuExpr *l = ou_ast_alloc(a, sizeof(OuExpr)), *r = ou_ast_alloc(a, sizeof(OuExpr));
    OuExpr *op = ou_ast_alloc(a, sizeof(OuExpr)), *target = ou_ast_alloc(a, sizeof(OuExpr));
    OuStmt *st = ou_ast_alloc(a, sizeof(OuStmt));
    OuMod *mod = ou_ast_alloc(a, sizeof(OuMod));
    OuExpr **targets = ou_ast_alloc(a, sizeof(OuExpr *));
    OuStmt **body = ou_ast_alloc(a, sizeof(OuStmt *));
    OuLoc loc = { 1, 0, 1, 9 };
    l->kind = r->kind = OU_CONSTANT_KIND;
    l->v.constant.value = six;
    r->v.constant.value = seven;
    CHECK(ou_ast_keep(a, six) == 0 && ou_ast_keep(a, seven) == 0);
    op->kind = OU_BINOP_KIND;
    op->v.binop.left = l;
    op->v.binop.op = OU_MULT;
    op->v.binop.right = r;
    target->kind = OU_NAME_KIND;
    target->v.name.id = ouro_str_intern_cstr("x");
    target->v.name.ctx = OU_STORE;
    targets[0] = target;
    st->kind = OU_ASSIGN_KIND;
    st->v.assign.targets.n = 1;
    st->v.assign.targets.items = targets;
    st->v.assign.value = op;
    l->loc = r->loc = op->loc = target->loc = st->loc = loc;
    body[0] = st;
    mod->kind = OU_MODULE_KIND;
    mod->body.n = 1;
    mod->body.items = body;
    OuroObject *fn = ouro_str_from_cstr("<ast>");
    OuroObject *code = ou_compile_ast(mod, fn, OU_PARSE_FILE);
    CHECK(code != NULL);
    ou_ast_arena_free(a);
    OURO_DECREF(fn);
    if (!code)
        return;
    OuroObject *g = ouro_dict_new(), *res = ou_eval_code(code, g, NULL);
    CHECK(res != NULL);
    OURO_XDECREF(res);
    OuroObject *x = ouro_dict_get_item_str(g, "x");
    CHECK(x != NULL);
    if (x)
        CHECK_REPR(x, "42");
    ouro_dict_clear(g);
    OURO_DECREF(g);
    OURO_DECREF(code);
}

int main(void)
{
    th_begin("compile");
    RUN(test_syntax_errors);
    RUN(test_folding);
    RUN(test_fused_instructions);
    RUN(test_code_layout);
    RUN(test_line_table);
    RUN(test_reprs);
    RUN(test_compile_ast);
    return th_end();
}
