/* tests/unit/test_parser.c — the parser against CPython 3.11: ast.dump() and node
 * positions of several hundred snippets, SyntaxError type/message/position of the
 * invalid ones (test_parser_data.h, made by gen_parser_data.py), the parse modes, the
 * REPL's `incomplete` flag, and robustness (random bytes, deep nesting, big files,
 * allocation failures). */
#include "test.h"
#include "lang/ast.h"
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "test_parser_data.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* "Type: msg (lineno, offset, end_lineno, end_offset)" of the pending SyntaxError,
 * cleared. */
static bool with_text;   /* describe_error adds the text of the line */

static void describe_error(char *out, size_t n)
{
    OuroObject *exc = ouro_err_fetch();
    if (!exc) {
        snprintf(out, n, "(no exception)");
        return;
    }
    OuroObject *args = ouro_exception_args(exc);
    long v[4] = { -1000, -1000, -1000, -1000 };
    const char *msg = "?";
    if (OURO_TUPLE_SIZE(args) == 2 && ouro_tuple_check(OURO_TUPLE_GET(args, 1)) &&
        OURO_TUPLE_SIZE(OURO_TUPLE_GET(args, 1)) == 6) {
        OuroObject *loc = OURO_TUPLE_GET(args, 1);
        int idx[4] = { 1, 2, 4, 5 };
        for (int i = 0; i < 4; i++) {
            OuroObject *x = OURO_TUPLE_GET(loc, idx[i]);
            if (ouro_int_check(x))
                v[i] = (long)ouro_int_as_int64(x);
        }
    }
    if (OURO_TUPLE_SIZE(args) >= 1 && ouro_str_check(OURO_TUPLE_GET(args, 0)))
        msg = ouro_str_utf8(OURO_TUPLE_GET(args, 0));
    int w = snprintf(out, n, "%s: %s (%ld, %ld, %ld, %ld)", OURO_TYPE_NAME(exc), msg, v[0],
                     v[1], v[2], v[3]);
    if (with_text && w > 0 && (size_t)w < n) {
        OuroObject *text = OURO_TUPLE_SIZE(args) == 2 && ouro_tuple_check(OURO_TUPLE_GET(args, 1)) &&
                           OURO_TUPLE_SIZE(OURO_TUPLE_GET(args, 1)) == 6 ?
                           OURO_TUPLE_GET(OURO_TUPLE_GET(args, 1), 3) : NULL;
        snprintf(out + w, n - (size_t)w, " text=%s",
                 text && ouro_str_check(text) ? ouro_str_utf8(text) : "None");
    }
    OURO_DECREF(exc);
}

/* Parses src; returns dump and positions (new strs) or describes the error in err. */
static int parse_dump(const char *src, size_t len, OuParseMode mode, OuroObject **dump,
                      OuroObject **pos, char *err, size_t errn)
{
    OuAstArena *a = ou_ast_arena_new();
    if (!a)
        return -1;
    OuMod *m = ou_parse(a, src, len, "x.py", mode, NULL);
    int r = -1;
    *dump = *pos = NULL;
    if (m) {
        *dump = ou_ast_dump(m);
        *pos = ou_ast_positions(m);
        r = *dump && *pos ? 0 : -1;
    }
    if (r < 0)
        describe_error(err, errn);
    ou_ast_arena_free(a);
    return r;
}

static void test_valid_snippets(void)
{
    int bad_dump = 0, bad_pos = 0, shown = 0;
    for (size_t i = 0; i < ARRAY_LEN(parse_cases); i++) {
        const ParseCase *c = &parse_cases[i];
        OuroObject *dump, *pos;
        char err[512];
        if (parse_dump(c->src, (size_t)c->len, OU_PARSE_FILE, &dump, &pos, err, sizeof err) < 0) {
            bad_dump++;
            if (shown++ < 25)
                printf("#   %zu: %s\n#     error %s\n", i, c->src, err);
            continue;
        }
        if (strcmp(ouro_str_utf8(dump), c->dump) != 0) {
            bad_dump++;
            if (shown++ < 25)
                printf("#   %zu: %s\n#     got  %s\n#     want %s\n", i, c->src, ouro_str_utf8(dump), c->dump);
        } else if (strcmp(ouro_str_utf8(pos), c->pos) != 0) {
            bad_pos++;
            if (shown++ < 25)
                printf("#   %zu: %s\n#     got  %s\n#     want %s\n", i, c->src, ouro_str_utf8(pos), c->pos);
        }
        OURO_DECREF(dump);
        OURO_DECREF(pos);
    }
    printf("#   %d of %zu dumps differ, %d positions differ\n", bad_dump,
           ARRAY_LEN(parse_cases), bad_pos);
    CHECK_INT(bad_dump, 0);
    CHECK_INT(bad_pos, 0);
}

/* Known differences from CPython, with the reason (docs/internals/language.md). */
static const char *const known_error_differences[] = {
    "b'\303\251'\n",   /* CPython's end_offset here counts bytes, not characters */
};

static bool known_difference(const char *src)
{
    for (size_t i = 0; i < ARRAY_LEN(known_error_differences); i++)
        if (strcmp(src, known_error_differences[i]) == 0)
            return true;
    return false;
}

static void test_invalid_snippets(void)
{
    int bad = 0, shown = 0;
    for (size_t i = 0; i < ARRAY_LEN(parse_error_cases); i++) {
        const ParseErrorCase *c = &parse_error_cases[i];
        OuroObject *dump, *pos;
        char err[512], want[512];
        snprintf(want, sizeof want, "%s: %s (%d, %d, %d, %d) text=%s", c->type, c->msg,
                 c->lineno, c->offset, c->end_lineno, c->end_offset, c->text ? c->text : "None");
        with_text = true;
        if (parse_dump(c->src, (size_t)c->len, OU_PARSE_FILE, &dump, &pos, err, sizeof err) == 0) {
            snprintf(err, sizeof err, "(parsed) %s", ouro_str_utf8(dump));
            OURO_DECREF(dump);
            OURO_DECREF(pos);
        }
        if (strcmp(err, want) != 0 && !known_difference(c->src)) {
            bad++;
            if (shown++ < 40)
                printf("#   %zu: %s\n#     got  %s\n#     want %s\n", i, c->src, err, want);
        }
    }
    with_text = false;
    printf("#   %d of %zu errors differ\n", bad, ARRAY_LEN(parse_error_cases));
    CHECK_INT(bad, 0);
}

/* Parses src in mode and compares the dump (want starts with '!': the error text
 * "Type: msg (...)" must start with want + 1). */
static void check_parse(const char *src, OuParseMode mode, const char *want, int line)
{
    OuroObject *dump, *pos;
    char err[1024];
    const char *got = err;
    if (parse_dump(src, strlen(src), mode, &dump, &pos, err, sizeof err) == 0) {
        snprintf(err, sizeof err, "%s", ouro_str_utf8(dump));
        OURO_DECREF(dump);
        OURO_DECREF(pos);
    } else {
        memmove(err + 1, err, strlen(err) + 1);
        err[0] = '!';
    }
    bool ok = want[0] == '!' ? strncmp(got, want, strlen(want)) == 0 : strcmp(got, want) == 0;
    if (!ok)
        printf("#   line %d: %s\n#     got  %s\n#     want %s\n", line, src, got, want);
    CHECK(ok);
}
#define CHECK_PARSE(src, mode, want) check_parse((src), (mode), (want), __LINE__)

static void test_modes(void)
{
    CHECK_PARSE("1 + 2", OU_PARSE_EVAL,
                "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))");
    CHECK_PARSE("\n1 + 2\n\n", OU_PARSE_EVAL,
                "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))");
    CHECK_PARSE("x = 1", OU_PARSE_EVAL, "!SyntaxError: invalid syntax (1, 3, 1, 4)");
    CHECK_PARSE("x = 1", OU_PARSE_SINGLE,
                "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])");
    CHECK_PARSE("if x:\n  pass\n\n", OU_PARSE_SINGLE,
                "Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])])");
    CHECK_PARSE("x = 1; y = 2", OU_PARSE_SINGLE,
                "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
                "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))])");
    CHECK_PARSE("x = 1\ny = 2\n", OU_PARSE_SINGLE,
                "!SyntaxError: multiple statements found while compiling a single statement (1, 6, 1, 6)");
    CHECK_PARSE("", OU_PARSE_FILE, "Module(body=[], type_ignores=[])");
    CHECK_PARSE("x = 3j", OU_PARSE_FILE, "Module(body=[Assign(targets=[Name(id='x', "
                "ctx=Store())], value=Constant(value=3j))], type_ignores=[])");
    CHECK_PARSE("'\\N{DASH}'", OU_PARSE_FILE, "!SyntaxError: (unicode error) 'unicodeescape' codec "
                "can't decode bytes in position 0-7: \\N{...} escapes are not supported by ouro");
}

/* ou_parse's incomplete flag: 1 only when more lines could complete the input. */
static void test_incomplete(void)
{
    static const struct { const char *src; int incomplete; } cases[] = {
        { "if x:\n", 1 }, { "if x:", 1 }, { "def f():\n", 1 }, { "class C:\n", 1 },
        { "x = (1,\n", 1 }, { "x = [\n", 1 }, { "f(a,\n  b", 1 }, { "s = '''abc\n", 1 },
        { "x = 1 + \\\n", 1 }, { "if x:\n  pass\nelse:\n", 1 }, { "@d\n", 1 },
        { "try:\n  pass\n", 1 }, { "for x in y:\n", 1 }, { "while 1:\n", 1 },
        { "x = )\n", 0 }, { "x = 1 2\n", 0 }, { "if x\n", 0 }, { "s = 'abc\n", 0 },
        { "x = 1\n", 0 }, { "def f(:\n", 0 }, { "  x\n", 0 }, { "x = $\n", 0 },
        /* a block header at the end of an indented block, the match statement */
        { "if x:\n  if y:\n", 1 }, { "match x:\n", 1 }, { "match x:\n  case 1:\n", 1 },
        { "match (x):\n", 1 }, { "match x\n", 0 }, { "match = 1\n", 0 },
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        OuAstArena *a = ou_ast_arena_new();
        int inc = -1;
        OuMod *m = ou_parse(a, cases[i].src, strlen(cases[i].src), "<stdin>", OU_PARSE_SINGLE, &inc);
        if (!m)
            ouro_err_clear();
        if (inc != cases[i].incomplete)
            printf("#   %s: incomplete %d, want %d\n", cases[i].src, inc, cases[i].incomplete);
        CHECK_INT(inc, cases[i].incomplete);
        ou_ast_arena_free(a);
    }
}

/* Expects a parse of src to fail with type and a message starting with msg. */
static void expect_failure(const char *src, size_t len, OuroType *type, const char *msg)
{
    OuAstArena *a = ou_ast_arena_new();
    OuMod *m = ou_parse(a, src, len, "x.py", OU_PARSE_FILE, NULL);
    CHECK(m == NULL);
    if (!m) {
        char err[1024];
        OuroType *t = ouro_err_occurred();
        CHECK(t == type);
        describe_error(err, sizeof err);
        const char *colon = strchr(err, ':');
        bool ok = colon && strncmp(colon + 2, msg, strlen(msg)) == 0;
        if (!ok)
            printf("#   got %.200s\n#   want %s\n", err, msg);
        CHECK(ok);
    }
    ou_ast_arena_free(a);
}

static char *repeat(const char *unit, int n, const char *tail)
{
    size_t u = strlen(unit), t = strlen(tail);
    char *s = malloc(u * (size_t)n + t + 1);
    for (int i = 0; i < n; i++)
        memcpy(s + u * (size_t)i, unit, u);
    memcpy(s + u * (size_t)n, tail, t + 1);
    return s;
}

static void test_deep_nesting(void)
{
    char *s = repeat("(", 1000, "\n");
    expect_failure(s, strlen(s), &ouro_exc_SyntaxError, "too many nested parentheses");
    free(s);
    const char *deep[] = { "-", "not ", "lambda:", "2**", "a if b else ", "~" };
    for (size_t i = 0; i < ARRAY_LEN(deep); i++) {
        s = repeat(deep[i], 100000, "1\n");
        expect_failure(s, strlen(s), &ouro_exc_RecursionError,
                       "maximum recursion depth exceeded during compilation");
        free(s);
    }
    /* Long left-recursive chains nest the tree as deeply: bounded too. */
    const char *chains[] = { ".y", "+1", "()", "[0]", "*2", "|x" };
    for (size_t i = 0; i < ARRAY_LEN(chains); i++) {
        char *c = repeat(chains[i], 100000, "\n");
        char *t = malloc(strlen(c) + 2);
        t[0] = 'x';
        strcpy(t + 1, c);
        expect_failure(t, strlen(t), &ouro_exc_RecursionError,
                       "maximum recursion depth exceeded during compilation");
        free(c);
        free(t);
    }
    /* What CPython accepts: 199 brackets, 2000 unary minus, long flat chains. */
    char *open = repeat("[", 199, "");
    char *close = repeat("]", 199, "\n");
    char *both = malloc(strlen(open) + strlen(close) + 1);
    strcpy(both, open);
    strcat(both, close);
    OuAstArena *a = ou_ast_arena_new();
    CHECK(ou_parse(a, both, strlen(both), "x.py", OU_PARSE_FILE, NULL) != NULL);
    ou_ast_arena_free(a);
    free(open);
    free(close);
    free(both);
    const char *units[] = { "-", ".y", "+1", "()", "[0]" };
    for (size_t i = 0; i < ARRAY_LEN(units); i++) {
        s = repeat(units[i], 2000, i == 0 ? "1\n" : "\n");
        if (i > 0) {
            char *t = malloc(strlen(s) + 2);
            t[0] = 'x';
            strcpy(t + 1, s);
            free(s);
            s = t;
        }
        a = ou_ast_arena_new();
        OuMod *m = ou_parse(a, s, strlen(s), "x.py", OU_PARSE_FILE, NULL);
        if (!m)
            ouro_err_print();
        CHECK(m != NULL);
        ou_ast_arena_free(a);
        free(s);
    }
    /* 100 levels of indentation: IndentationError, as CPython. */
    size_t n = 0;
    s = malloc(200000);
    for (int lvl = 0; lvl <= 100; lvl++) {
        memset(s + n, ' ', (size_t)lvl);
        n += (size_t)lvl;
        memcpy(s + n, "if 1:\n", 6);
        n += 6;
    }
    memset(s + n, ' ', 101);
    n += 101;
    memcpy(s + n, "pass\n", 6);
    n += 5;
    expect_failure(s, n, &ouro_exc_IndentationError, "too many levels of indentation");
    free(s);
}

/* Random bytes, and random mutations of valid code: a clean error or a tree, never a
 * crash or a leak (the harness checks memory). */
static void test_random_input(void)
{
    uint64_t x = 88172645463325252ull;
    char buf[512];
    int errors = 0, trees = 0;
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = 0;
        if (iter % 2 == 0) {
            n = (size_t)(x % sizeof buf);
            for (size_t i = 0; i < n; i++) {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                buf[i] = (char)(x & 0xFF);
            }
        } else {
            const ParseCase *c = &parse_cases[x % ARRAY_LEN(parse_cases)];
            n = (size_t)c->len < sizeof buf ? (size_t)c->len : sizeof buf;
            memcpy(buf, c->src, n);
            for (int k = 0; k < 3 && n > 0; k++) {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                buf[x % n] = "()[]{}'\":\n \\#x1=,.*f"[(x >> 8) % 21];
            }
        }
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        OuAstArena *a = ou_ast_arena_new();
        int inc;
        OuMod *m = ou_parse(a, buf, n, "x.py", (OuParseMode)(iter % 3), &inc);
        if (m) {
            OuroObject *d = ou_ast_dump(m);
            CHECK(d != NULL);
            OURO_XDECREF(d);
            trees++;
        } else {
            CHECK(ouro_err_occurred() != NULL);
            ouro_err_clear();
            errors++;
        }
        ou_ast_arena_free(a);
    }
    printf("#   %d errors, %d trees\n", errors, trees);
    CHECK(errors > 1000);
}

/* A 100,000-line file parses (and quickly: printed, not asserted). */
static void test_big_file(void)
{
    const char *block = "def f%d(a, b=1, *c, **d):\n    x = [i * 2 for i in range(a)]\n"
                        "    if x and b:\n        return {'k': x, 'v': f'{a!r:>10}'}\n"
                        "    return (a + b) * -c[0] ** 2\n\n";
    size_t cap = 8 * 1024 * 1024, n = 0;
    char *s = malloc(cap);
    int lines = 0;
    for (int i = 0; lines < 100000; i++) {
        n += (size_t)snprintf(s + n, cap - n, block, i);
        lines += 6;
    }
    OuAstArena *a = ou_ast_arena_new();
    clock_t t0 = clock();
    OuMod *m = ou_parse(a, s, n, "big.py", OU_PARSE_FILE, NULL);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(m != NULL);
    if (m)
        CHECK_INT(m->body.n, lines / 6);
    printf("#   %d lines, %zu bytes parsed in %.3f s\n", lines, n, secs);
    ou_ast_arena_free(a);
    free(s);
}

/* Every allocation of a parse failing in turn: MemoryError (or the SyntaxError at its
 * end once nothing fails), never a leak. */
static void test_allocation_failures(void)
{
    const char *src = "@d\ndef f(a, *b, c=1, **k):\n    \"\"\"doc\"\"\"\n    x = [i for i in b if i]\n"
                      "    return f'{a!r:>{c}} {x}', {1: 2, **k}, 123456789012345678901234567890\n"
                      "class C(B):\n    def g(self): yield from self.h(1, *a, z=2)\n"
                      "x = (1 2\n";
    int failures = 0;
    for (uint64_t n = 1; n < 5000; n++) {
        OuAstArena *a = ou_ast_arena_new();
        if (!a) {
            ouro_err_clear();
            continue;
        }
        ouro_mem_fail_after(n, 1);
        OuMod *m = ou_parse(a, src, strlen(src), "x.py", OU_PARSE_FILE, NULL);
        ouro_mem_fail_after(0, 0);
        CHECK(m == NULL);
        OuroType *t = ouro_err_occurred();
        CHECK(t == &ouro_exc_MemoryError || t == &ouro_exc_SyntaxError);
        bool done = t == &ouro_exc_SyntaxError;
        if (t == &ouro_exc_MemoryError)
            failures++;
        ouro_err_clear();
        ou_ast_arena_free(a);
        if (done)
            break;
    }
    CHECK(failures > 10);
}

static void test_compiler_errors(void)
{
    OuroObject *fn = ouro_str_from_cstr("<string>");
    OuLoc loc = { 1, 9, 1, 10 };
    CHECK(ou_syntax_error_at(NULL, fn, &loc, "duplicate argument '%s' in function definition", "a") == NULL);
    char err[512];
    describe_error(err, sizeof err);
    CHECK_STR(err, "SyntaxError: duplicate argument 'a' in function definition (1, 10, 1, 11)");
    OURO_DECREF(fn);
    /* From a file, the text is the line. */
    char path[] = "/tmp/ouro_parser_test_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("x = 1\n  \303\251 = return\n", f);
    fclose(f);
    fn = ouro_str_from_cstr(path);
    OuLoc l2 = { 2, 6, 2, 12 };
    ou_syntax_error_at(&ouro_exc_SyntaxError, fn, &l2, "'return' outside function");
    OuroObject *exc = ouro_err_fetch();
    OuroObject *info = OURO_TUPLE_GET(ouro_exception_args(exc), 1);
    CHECK_STR(ouro_str_utf8(OURO_TUPLE_GET(info, 3)), "  \303\251 = return\n");
    CHECK_INT(ouro_int_as_int64(OURO_TUPLE_GET(info, 2)), 6);   /* characters, 1-based */
    CHECK_INT(ouro_int_as_int64(OURO_TUPLE_GET(info, 5)), 12);
    OURO_DECREF(exc);
    OURO_DECREF(fn);
    unlink(path);
}

int main(void)
{
    th_begin("parser");
    RUN(test_valid_snippets);
    RUN(test_invalid_snippets);
    RUN(test_modes);
    RUN(test_incomplete);
    RUN(test_deep_nesting);
    RUN(test_random_input);
    RUN(test_big_file);
    RUN(test_allocation_failures);
    RUN(test_compiler_errors);
    return th_end();
}
