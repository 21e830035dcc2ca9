/* src/lang/pythonrun.c — running programs (a file, a string, the __main__ module) and
 * printing uncaught exceptions exactly as CPython 3.11's default excepthook: tracebacks
 * with source lines and ~~~^^^ position carets, chained exceptions, SyntaxError's caret
 * form, notes, and "[Previous line repeated N more times]". */
#include "modules/modules.h"
#include "objects/strimpl.h" /* ou_utf8_check: the script's bytes */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000

/* --------------------------------------------------------------- line cache -- */

/* The lines of filename (a list of str, borrowed from the cache) or NULL (no exception)
 * when it cannot be read. Files are read once per runtime. */
static OuroObject *cached_lines(OuroObject *filename)
{
    OuInterp *in = ou_interp();
    if (!in)
        return NULL;
    if (!in->linecache && !(in->linecache = ouro_dict_new()))
        return NULL;
    OuroObject *lines = ouro_dict_get_item_with_error(in->linecache, filename);
    if (lines || ouro_err_occurred())
        return lines == OURO_NONE ? NULL : lines;
    const char *path = ouro_str_utf8(filename);
    FILE *fp = path[0] == '<' ? NULL : fopen(path, "rb");
    OuroObject *l = fp ? ouro_list_new(0) : NULL;
    char buf[4096];
    OuStrBuf b;
    ou_strbuf_init(&b);
    while (l && fgets(buf, sizeof buf, fp)) {
        ou_strbuf_append_cstr(&b, buf);
        if (b.len && b.data[b.len - 1] != '\n' && !feof(fp))
            continue;
        OuroObject *s = ouro_str_from_utf8(b.data ? b.data : "", b.len);
        b.len = 0;
        if (!s || ouro_list_append(l, s) < 0)
            OURO_CLEAR(l);
        OURO_XDECREF(s);
    }
    ou_strbuf_discard(&b);
    if (fp)
        fclose(fp);
    ouro_err_clear();
    int rc = ouro_dict_set_item(in->linecache, filename, l ? l : OURO_NONE);
    OURO_XDECREF(l);
    if (rc < 0) {
        ouro_err_clear();
        return NULL;
    }
    return l; /* borrowed: the cache holds it */
}

/* Line lineno (1-based) of filename without its newline: new str or NULL. */
static OuroObject *source_line(OuroObject *filename, int lineno)
{
    OuroObject *lines = cached_lines(filename);
    if (!lines || lineno < 1 || lineno > OURO_LIST_SIZE(lines))
        return NULL;
    OuroObject *s = OURO_LIST_GET(lines, lineno - 1);
    ouro_ssize n = ouro_str_length(s);
    while (n > 0 && (ouro_str_codepoint_at(s, n - 1) == '\n' || ouro_str_codepoint_at(s, n - 1) == '\r'))
        n--;
    return ouro_str_substring(s, 0, n);
}

/* ---------------------------------------------------------- caret anchors -- */

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }

/* Code points in the first nbytes bytes of UTF-8 s. */
static ouro_ssize char_offset(const char *s, ouro_ssize nbytes)
{
    ouro_ssize k = 0;
    for (ouro_ssize i = 0; i < nbytes && s[i]; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* CPython's extract_anchors_from_line: parses the segment; for a binary operation the
 * operator is the secondary range ("~~^~~"), for a subscript the [...] part. Offsets are
 * character offsets within the segment. 1 if found. */
static int segment_anchors(const char *seg, ouro_ssize *left, ouro_ssize *right, bool *tilde)
{
    OuAstArena *a = ou_ast_arena_new();
    if (!a)
        return 0;
    int found = 0;
    OuMod *m = ou_parse(a, seg, strlen(seg), "<segment>", OU_PARSE_FILE, NULL);
    if (m && m->body.n == 1 && m->body.items[0]->kind == OU_EXPR_KIND) {
        OuExpr *e = m->body.items[0]->v.expr.value;
        if (e->kind == OU_BINOP_KIND) {
            OuExpr *l = e->v.binop.left, *r = e->v.binop.right;
            for (int i = l->loc.end_col_offset; i < r->loc.col_offset; i++) {
                if (is_ws(seg[i]))
                    continue;
                *left = i;
                *right = i + 1;
                if (i + 1 < r->loc.col_offset && !is_ws(seg[i + 1]))
                    ++*right;
                if (i + 1 < r->loc.col_offset && seg[i] == ')')
                    continue;
                *tilde = true;
                break;
            }
            found = 1;
        } else if (e->kind == OU_SUBSCRIPT_KIND) {
            *left = e->v.subscript.value->loc.end_col_offset;
            *right = e->v.subscript.slice->loc.end_col_offset + 1;
            *tilde = true;
            found = 1;
        }
    }
    ou_ast_arena_free(a);
    ouro_err_clear();
    if (found) {
        *left = char_offset(seg, *left);
        *right = char_offset(seg, *right);
    }
    return found;
}

/* Writes the caret line under a source line (line: the full line, without newline). */
static void put_carets(OuStrBuf *b, OuroObject *line, int lineno, int end_lineno, int col,
                       int end_col)
{
    const char *s = ouro_str_utf8(line);
    ouro_ssize nbytes = ouro_str_byte_length(line);
    if (col < 0 || end_col < 0 || col > nbytes || (end_lineno == lineno && end_col > nbytes))
        return;
    ouro_ssize indent = 0;
    while (is_ws(s[indent]))
        indent++;
    ouro_ssize start = char_offset(s, col), end = char_offset(s, end_col);
    ouro_ssize left = -1, right = -1;
    bool tilde = false;
    if (end_lineno == lineno) {
        if (end < start)
            return;
        size_t segn = (size_t)(end_col - col);
        char *seg = malloc(segn + 1);
        if (seg) {
            memcpy(seg, s + col, segn);
            seg[segn] = 0;
            if (segment_anchors(seg, &left, &right, &tilde)) {
                left += start;
                right += start;
            } else {
                left = right = -1;
            }
            free(seg);
        }
    } else {
        ouro_ssize i = nbytes;
        while (--i >= 0 && (is_ws(s[i]) || s[i] == '\n' || s[i] == '\r'))
            ;
        end = char_offset(s, i + 1);
    }
    ouro_ssize tail = nbytes;
    while (tail > indent && (is_ws(s[tail - 1]) || s[tail - 1] == '\r'))
        tail--;
    ouro_ssize stripped_len = char_offset(s, tail) - char_offset(s, indent);
    bool secondary = left != -1 || right != -1;
    if (end - start == stripped_len && !secondary)
        return;
    const char *primary = tilde ? "~" : "^", *second = "^";
    for (ouro_ssize off = char_offset(s, indent) - 4; ++off <= end;) {
        if (off <= start)
            ou_strbuf_append_char(b, ' ');
        else if (secondary && left < off && off <= right)
            ou_strbuf_append_cstr(b, second);
        else
            ou_strbuf_append_cstr(b, primary);
    }
    ou_strbuf_append_char(b, '\n');
}

/* -------------------------------------------------------------- tracebacks -- */

static void put_frame_line(OuStrBuf *b, OuTraceback *tb)
{
    OuroObject *code = ou_frame_code(tb->tb_frame);
    OuroObject *file = ou_code_filename(code), *name = ou_code_name(code);
    OuroObject *s = ouro_str_from_format("  File \"%U\", line %d, in %U\n", file,
                                         tb->tb_lineno, name);
    if (s) {
        ou_strbuf_append_str(b, s);
        OURO_DECREF(s);
    }
    OuroObject *line = source_line(file, tb->tb_lineno);
    if (!line) {
        ouro_err_clear();
        return;
    }
    const char *t = ouro_str_utf8(line);
    while (is_ws(*t))
        t++;
    size_t n = strlen(t);
    while (n && (is_ws(t[n - 1]) || t[n - 1] == '\r'))
        n--;
    if (n) {
        ou_strbuf_append_cstr(b, "    ");
        ou_strbuf_append(b, t, n);
        ou_strbuf_append_char(b, '\n');
        int lineno = -1, end_lineno = -1, col = -1, end_col = -1;
        ou_code_positions_at(code, tb->tb_lasti, &lineno, &end_lineno, &col, &end_col);
        if (lineno == tb->tb_lineno)
            put_carets(b, line, lineno, end_lineno, col, end_col);
    }
    OURO_DECREF(line);
}

static void put_repeated(OuStrBuf *b, int cnt)
{
    if (cnt <= TB_RECURSIVE_CUTOFF)
        return;
    cnt -= TB_RECURSIVE_CUTOFF;
    char msg[96];
    snprintf(msg, sizeof msg, "  [Previous line repeated %d more time%s]\n", cnt,
             cnt > 1 ? "s" : "");
    ou_strbuf_append_cstr(b, msg);
}

static void put_traceback(OuStrBuf *b, OuroObject *tbo)
{
    ou_strbuf_append_cstr(b, "Traceback (most recent call last):\n");
    int depth = 0;
    for (OuroObject *t = tbo; t && t != OURO_NONE; t = ((OuTraceback *)t)->tb_next)
        depth++;
    OuroObject *last_file = NULL, *last_name = NULL;
    int last_line = -1, cnt = 0;
    for (OuroObject *t = tbo; t && t != OURO_NONE; t = ((OuTraceback *)t)->tb_next) {
        if (depth-- > TB_LIMIT)
            continue;
        OuTraceback *tb = (OuTraceback *)t;
        OuroObject *code = ou_frame_code(tb->tb_frame);
        OuroObject *file = ou_code_filename(code), *name = ou_code_name(code);
        if (!last_file || !ouro_str_equal(file, last_file) || tb->tb_lineno != last_line ||
            !ouro_str_equal(name, last_name)) {
            put_repeated(b, cnt);
            last_file = file;
            last_line = tb->tb_lineno;
            last_name = name;
            cnt = 0;
        }
        if (++cnt <= TB_RECURSIVE_CUTOFF)
            put_frame_line(b, tb);
    }
    put_repeated(b, cnt);
}

/* ----------------------------------------------------------- the last line -- */

/* "  File "x.py", line 1\n    text\n        ^\n" for a SyntaxError (CPython's
 * print_error_text). */
static void put_syntax_location(OuStrBuf *b, OuroObject *exc)
{
    OuroObject *fn = ouro_object_getattr_str(exc, "filename");
    OuroObject *ln = ouro_object_getattr_str(exc, "lineno");
    OuroObject *off = ouro_object_getattr_str(exc, "offset");
    OuroObject *eoff = ouro_object_getattr_str(exc, "end_offset");
    OuroObject *eln = ouro_object_getattr_str(exc, "end_lineno");
    OuroObject *text = ouro_object_getattr_str(exc, "text");
    ouro_err_clear();
    if (fn && ln && ouro_int_check(ln)) {
        OuroObject *s = fn != OURO_NONE
                            ? ouro_str_from_format("  File \"%S\", line %S\n", fn, ln)
                            : ouro_str_from_format("  File \"<string>\", line %S\n", ln);
        if (s) {
            ou_strbuf_append_str(b, s);
            OURO_DECREF(s);
        }
    }
    if (text && ouro_str_check(text)) {
        const char *t = ouro_str_utf8(text);
        int64_t o = off && ouro_int_check(off) ? ouro_int_as_int64(off) : -1;
        int64_t eo = eoff && ouro_int_check(eoff) ? ouro_int_as_int64(eoff) : -1;
        bool same_line = !eln || !ouro_int_check(eln) || !ln || !ouro_int_check(ln) ||
                         ouro_int_as_int64(eln) == ouro_int_as_int64(ln);
        o--;
        eo--;
        while (*t == ' ' || *t == '\t' || *t == '\f') {
            t++;
            o--;
            eo--;
        }
        ouro_ssize len = (ouro_ssize)strlen(t);
        if (len > 0 && t[len - 1] == '\n')
            len--;
        ouro_ssize clen = char_offset(t, len);
        if (o > clen)
            o = clen;
        ou_strbuf_append_cstr(b, "    ");
        ou_strbuf_append(b, t, (size_t)len);
        ou_strbuf_append_char(b, '\n');
        if (o >= 0) {
            ou_strbuf_append_cstr(b, "    ");
            for (int64_t i = 0; i < o; i++)
                ou_strbuf_append_char(b, ' ');
            int64_t carets = same_line && eo > o ? eo - o : 1;
            if (eo > clen + 1 && same_line)
                carets = clen + 1 - o > 0 ? clen + 1 - o : 1;
            for (int64_t i = 0; i < carets; i++)
                ou_strbuf_append_char(b, '^');
            ou_strbuf_append_char(b, '\n');
        }
    }
    ouro_err_clear();
    OURO_XDECREF(fn);
    OURO_XDECREF(ln);
    OURO_XDECREF(off);
    OURO_XDECREF(eoff);
    OURO_XDECREF(eln);
    OURO_XDECREF(text);
}

/* ------------------------------------------------------------- suggestions --
 * 3.11's "Did you mean: 'x'?" for NameError and AttributeError (Python/suggestions.c):
 * the candidate at the smallest Levenshtein distance (case changes cost 1, other edits
 * 2), if within a third of the characters involved. */

#define SUGGEST_MAX_ITEMS 750
#define SUGGEST_MAX_STRING 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a += 'a' - 'A';
    if (b >= 'A' && b <= 'Z')
        b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t levenshtein(const char *a, size_t na, const char *b, size_t nb, size_t max_cost)
{
    size_t row[SUGGEST_MAX_STRING];
    while (na && nb && a[0] == b[0])
        a++, na--, b++, nb--;
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (na == 0 || nb == 0)
        return (na + nb) * MOVE_COST;
    if (na > SUGGEST_MAX_STRING || nb > SUGGEST_MAX_STRING)
        return max_cost + 1;
    if (nb < na) {
        const char *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost)
        return max_cost + 1;
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        size_t distance = result = bi * MOVE_COST, minimum = SIZE_MAX;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = distance + substitution_cost(b[bi], a[i]);
            distance = row[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The best candidate among the str items of iterable for name (borrowed from the list
 * kept in *keep), or NULL. */
static OuroObject *best_match(OuroObject *iterable, OuroObject *name, OuroObject **keep)
{
    OuroObject *list = iterable ? ouro_sequence_list(iterable) : NULL;
    if (!list || OURO_LIST_SIZE(list) >= SUGGEST_MAX_ITEMS) {
        OURO_XDECREF(list);
        ouro_err_clear();
        return NULL;
    }
    const char *n = ouro_str_utf8(name);
    size_t nn = (size_t)ouro_str_byte_length(name), best_dist = SIZE_MAX;
    OuroObject *best = NULL;
    for (ouro_ssize i = 0; i < OURO_LIST_SIZE(list); i++) {
        OuroObject *item = OURO_LIST_GET(list, i);
        if (!ouro_str_check(item) || ouro_str_equal(item, name))
            continue;
        size_t ni = (size_t)ouro_str_byte_length(item);
        size_t max_dist = (nn + ni + 3) * MOVE_COST / 6;
        if (best && best_dist - 1 < max_dist)
            max_dist = best_dist - 1;
        size_t d = levenshtein(n, nn, ouro_str_utf8(item), ni, max_dist);
        if (d > max_dist)
            continue;
        if (!best || d < best_dist) {
            best = item;
            best_dist = d;
        }
    }
    if (best)
        OURO_SETREF(*keep, list);
    else
        OURO_DECREF(list);
    return best;
}

/* The name of a NameError: its `name` attribute, else the one in CPython's message
 * "name 'x' is not defined". New str or NULL. */
static OuroObject *name_error_name(OuroObject *exc)
{
    OuroObject *n = ouro_object_getattr_str(exc, "name");
    if (n && ouro_str_check(n))
        return n;
    OURO_XDECREF(n);
    ouro_err_clear();
    OuroObject *args = ouro_exception_args(exc);
    if (OURO_TUPLE_SIZE(args) != 1 || !ouro_str_check(OURO_TUPLE_GET(args, 0)))
        return NULL;
    const char *m = ouro_str_utf8(OURO_TUPLE_GET(args, 0));
    size_t len = strlen(m);
    const char *tail = "' is not defined";
    if (strncmp(m, "name '", 6) != 0 || len <= 6 + strlen(tail) ||
        strcmp(m + len - strlen(tail), tail) != 0)
        return NULL;
    return ouro_str_from_utf8(m + 6, len - 6 - strlen(tail));
}

static OuroObject *suggest_name(OuroObject *exc, OuroObject **keep)
{
    OuroObject *tb = ((OuroBaseException *)exc)->traceback;
    if (!tb || !OURO_IS_TYPE(tb, &ou_traceback_type))
        return NULL;
    while (((OuTraceback *)tb)->tb_next && ((OuTraceback *)tb)->tb_next != OURO_NONE)
        tb = ((OuTraceback *)tb)->tb_next;
    OuroObject *name = name_error_name(exc);
    if (!name)
        return NULL;
    OuroObject *frame = ((OuTraceback *)tb)->tb_frame;
    OuroObject *code = ou_frame_code(frame);
    OuroObject *varnames = ouro_object_getattr_str(code, "co_varnames");
    ouro_err_clear();
    OuroObject *r = best_match(varnames, name, keep);
    OURO_XDECREF(varnames);
    OuroObject *globals = ou_frame_globals(frame);
    if (!r)
        r = best_match(globals, name, keep);
    if (!r && globals) {
        OuroObject *b = ouro_dict_get_item_str(globals, "__builtins__");
        if (b && OURO_IS_TYPE(b, &ou_module_type))
            b = ou_module_dict(b);
        r = best_match(b && ouro_dict_check(b) ? b : ou_interp()->builtins_dict, name, keep);
    }
    OURO_DECREF(name);
    return r;
}

static OuroObject *suggest_attribute(OuroObject *exc, OuroObject **keep)
{
    OuroObject *d = ((OuroBaseException *)exc)->dict;
    OuroObject *name = d ? ouro_dict_get_item_str(d, "name") : NULL;
    OuroObject *obj = d ? ouro_dict_get_item_str(d, "obj") : NULL;
    if (!name || !obj || !ouro_str_check(name))
        return NULL;
    OuroObject *dir = ouro_dict_get_item_str(ou_interp()->builtins_dict, "dir");
    OuroObject *names = dir ? ouro_object_vectorcall(dir, &obj, 1, NULL) : NULL;
    ouro_err_clear();
    OuroObject *r = best_match(names, name, keep);
    OURO_XDECREF(names);
    return r;
}

/* Appends ". Did you mean: 'x'?" when there is a suggestion. */
static void put_suggestion(OuStrBuf *b, OuroObject *exc)
{
    OuroObject *keep = NULL, *s = NULL;
    if (OURO_TYPE(exc) == &ouro_exc_NameError)
        s = suggest_name(exc, &keep);
    else if (ouro_object_type_check(exc, &ouro_exc_AttributeError))
        s = suggest_attribute(exc, &keep);
    ouro_err_clear();
    if (s) {
        ou_strbuf_append_cstr(b, ". Did you mean: '");
        ou_strbuf_append_str(b, s);
        ou_strbuf_append_cstr(b, "'?");
    }
    OURO_XDECREF(keep);
}

/* "module.Qualname: message" (module omitted for builtins and __main__). */
static void put_exception_line(OuStrBuf *b, OuroObject *exc)
{
    OuroType *t = OURO_TYPE(exc);
    bool syntax = ouro_object_type_check(exc, &ouro_exc_SyntaxError);
    if (t->tp_flags & OURO_TPFLAG_HEAPTYPE) {
        OuroObject *mod = ouro_object_getattr_str((OuroObject *)t, "__module__");
        if (mod && ouro_str_check(mod) && !ouro_str_equal_cstr(mod, "builtins") &&
            !ouro_str_equal_cstr(mod, "__main__")) {
            ou_strbuf_append_str(b, mod);
            ou_strbuf_append_char(b, '.');
        }
        OURO_XDECREF(mod);
        ouro_err_clear();
        OuroObject *qn = ouro_object_getattr_str((OuroObject *)t, "__qualname__");
        if (qn && ouro_str_check(qn))
            ou_strbuf_append_str(b, qn);
        else
            ou_strbuf_append_cstr(b, ouro_type_name(t));
        OURO_XDECREF(qn);
        ouro_err_clear();
    } else {
        ou_strbuf_append_cstr(b, ouro_type_name(t));
    }
    OuroObject *s = NULL;
    if (syntax) {
        s = ouro_object_getattr_str(exc, "msg");
        if (s && !ouro_str_check(s))
            OURO_SETREF(s, ouro_object_str(s));
    } else {
        s = ouro_object_str(exc);
    }
    if (!s) {
        ouro_err_clear();
        ou_strbuf_append_cstr(b, ": <exception str() failed>");
    } else if (ouro_str_byte_length(s) > 0) {
        ou_strbuf_append_cstr(b, ": ");
        ou_strbuf_append_str(b, s);
    }
    OURO_XDECREF(s);
    put_suggestion(b, exc);
    ou_strbuf_append_char(b, '\n');
}

static void put_notes(OuStrBuf *b, OuroObject *exc)
{
    OuroObject *notes = ((OuroBaseException *)exc)->notes;
    if (!notes)
        return;
    if (!ouro_list_check(notes) && !ouro_tuple_check(notes)) {
        OuroObject *r = ouro_object_repr(notes);
        if (r) {
            ou_strbuf_append_str(b, r);
            ou_strbuf_append_char(b, '\n');
            OURO_DECREF(r);
        }
        ouro_err_clear();
        return;
    }
    OuroObject *seq = ouro_sequence_tuple(notes);
    for (ouro_ssize i = 0; seq && i < OURO_TUPLE_SIZE(seq); i++) {
        OuroObject *n = OURO_TUPLE_GET(seq, i);
        OuroObject *s = ouro_str_check(n) ? OURO_NEWREF(n) : ouro_object_str(n);
        if (s) {
            ou_strbuf_append_str(b, s);
            OURO_DECREF(s);
        } else {
            ouro_err_clear();
            ou_strbuf_append_cstr(b, "<note str() failed>");
        }
        ou_strbuf_append_char(b, '\n');
    }
    OURO_XDECREF(seq);
    ouro_err_clear();
}

static void put_one(OuStrBuf *b, OuroObject *exc)
{
    OuroObject *tb = ((OuroBaseException *)exc)->traceback;
    if (tb && tb != OURO_NONE)
        put_traceback(b, tb);
    if (ouro_object_type_check(exc, &ouro_exc_SyntaxError))
        put_syntax_location(b, exc);
    put_exception_line(b, exc);
    put_notes(b, exc);
}

/* The chain, oldest first; seen (a set of ids) stops cycles. */
static void put_chain(OuStrBuf *b, OuroObject *exc, OuroObject *seen, int depth)
{
    OuroObject *id = ouro_int_from_uint64((uint64_t)(uintptr_t)exc);
    if (!id || ouro_set_add(seen, id) < 0) {
        OURO_XDECREF(id);
        ouro_err_clear();
        return;
    }
    OURO_DECREF(id);
    OuroBaseException *e = (OuroBaseException *)exc;
    OuroObject *next = NULL;
    const char *sep = NULL;
    if (e->cause && ouro_exception_check(e->cause)) {
        next = e->cause;
        sep = "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (e->context && !e->suppress_context && ouro_exception_check(e->context)) {
        next = e->context;
        sep = "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    if (next && depth < 100) {
        OuroObject *nid = ouro_int_from_uint64((uint64_t)(uintptr_t)next);
        int was = nid ? ouro_set_contains(seen, nid) : 1;
        OURO_XDECREF(nid);
        if (was == 0) {
            put_chain(b, next, seen, depth + 1);
            ou_strbuf_append_cstr(b, sep);
        }
        ouro_err_clear();
    }
    put_one(b, exc);
}

/* Prints exc to sys.stderr (falling back to the C stderr): with its __cause__/__context__
 * chain as sys.excepthook does, or alone as the default unraisable hook does. */
static void print_exception(OuroObject *exc, int with_chain)
{
    if (!exc || !ouro_exception_check(exc))
        return;
    OuroObject *saved = ouro_err_fetch();
    OuStrBuf b;
    ou_strbuf_init(&b);
    if (!with_chain) {
        put_one(&b, exc);
    } else {
        OuroObject *seen = ouro_set_new(NULL);
        if (seen) {
            put_chain(&b, exc, seen, 0);
            OURO_DECREF(seen);
        }
    }
    ouro_err_clear();
    ou_sys_flush_std();
    OuroObject *text = ou_strbuf_finish(&b);
    OuroObject *err = ou_sys_get("stderr");
    if (!text || !err || ou_file_write_str(err, text) < 0) {
        ouro_err_clear();
        if (text)
            fputs(ouro_str_utf8(text), stderr);
    }
    OURO_XDECREF(text);
    if (err) {
        OuroObject *r = ou_mod_call_method(err, "flush", NULL, 0, NULL);
        OURO_XDECREF(r);
    }
    ouro_err_clear();
    ouro_err_restore(saved);
}

void ou_print_exception(OuroObject *exc)
{
    print_exception(exc, 1);
}

void ou_print_exception_alone(OuroObject *exc)
{
    print_exception(exc, 0);
}

/* ------------------------------------------------------------ running code -- */

/* Runs code in the __main__ module (created on first use, with __file__ when given). */
static int run_in_main(OuroObject *code, const char *file)
{
    OuInterp *in = ou_interp();
    if (!in)
        return -1;
    if (!in->main_module) {
        OuroObject *name = ouro_str_from_cstr("__main__");
        in->main_module = name ? ou_module_new(name) : NULL;
        OURO_XDECREF(name);
        if (!in->main_module)
            return -1;
        /* CPython's __main__ also starts with an empty __annotations__. */
        OuroObject *d = ou_module_dict(in->main_module), *ann = ouro_dict_new();
        int rc = ann ? ouro_dict_set_item_str(d, "__annotations__", ann) : -1;
        OURO_XDECREF(ann);
        if (rc < 0 || ouro_dict_set_item_str(d, "__builtins__", in->builtins) < 0 ||
            ouro_dict_set_item_str(in->modules, "__main__", in->main_module) < 0)
            return -1;
    }
    OuroObject *d = ou_module_dict(in->main_module);
    if (file) { /* a script: __file__, and __cached__ = None as for any source module */
        OuroObject *f = ouro_str_from_cstr(file);
        int rc = f ? ouro_dict_set_item_str(d, "__file__", f) : -1;
        OURO_XDECREF(f);
        if (rc < 0 || ouro_dict_set_item_str(d, "__cached__", OURO_NONE) < 0)
            return -1;
    }
    OuroObject *r = ou_eval_code(code, d, NULL);
    OURO_XDECREF(r);
    return r ? 0 : -1;
}

int ou_run_source(const char *src, size_t len, const char *filename, bool set_file)
{
    OuroObject *code = ou_compile_source(src, len, filename, OU_PARSE_FILE, NULL);
    if (!code)
        return -1;
    int rc = run_in_main(code, set_file ? filename : NULL);
    OURO_DECREF(code);
    return rc;
}

/* The exit status for a SystemExit: None -> 0, an int -> it, else printed to stderr, 1. */
static int system_exit_status(OuroObject *exc)
{
    OuroObject *code = ouro_object_getattr_str(exc, "code");
    if (!code) {
        ouro_err_clear();
        return 1;
    }
    int status;
    if (code == OURO_NONE) {
        status = 0;
    } else if (ouro_int_check(code)) {
        int ovf = 0;
        int64_t v = ouro_int_as_int64_and_overflow(code, &ovf);
        status = ovf ? -1 : (int)v;
    } else {
        OuroObject *s = ouro_object_str(code);
        ou_sys_flush_std();
        OuroObject *err = ou_sys_get("stderr");
        OuroObject *nl = ouro_str_intern_cstr("\n");
        if (s && err && ou_file_write_str(err, s) == 0)
            ou_file_write_str(err, nl);
        else if (s)
            fprintf(stderr, "%s\n", ouro_str_utf8(s));
        OURO_XDECREF(s);
        ouro_err_clear();
        status = 1;
    }
    OURO_DECREF(code);
    return status;
}

int ou_handle_uncaught(void)
{
    OuroObject *exc = ouro_err_fetch();
    if (!exc)
        return 0;
    int status = 1;
    if (ouro_object_type_check(exc, &ouro_exc_SystemExit)) {
        status = system_exit_status(exc);
    } else {
        OuroObject *hook = ou_sys_get("excepthook");
        OuroObject *r = NULL;
        if (hook && hook != ou_sys_get("__excepthook__")) { /* a replaced hook */
            OuroObject *tb = ((OuroBaseException *)exc)->traceback;
            OuroObject *args[3] = { (OuroObject *)OURO_TYPE(exc), exc, tb ? tb : OURO_NONE };
            r = ouro_object_vectorcall(hook, args, 3, NULL);
            if (!r) {
                OuroObject *e2 = ouro_err_fetch();
                fputs("Error in sys.excepthook:\n", stderr);
                ou_print_exception(e2);
                fputs("\nOriginal exception was:\n", stderr);
                OURO_XDECREF(e2);
            }
        }
        if (!r)
            ou_print_exception(exc);
        OURO_XDECREF(r);
        if (ouro_object_type_check(exc, &ouro_exc_KeyboardInterrupt))
            status = OU_EXIT_KEYBOARD_INTERRUPT;
    }
    OURO_DECREF(exc);
    return status;
}

/* The errors CPython's file tokenizer gives the main script before any parsing (a NUL
 * byte; bytes that are not UTF-8 without a coding declaration), with its messages and
 * SyntaxError args. Returns 0 when the bytes are fine, or -1 with SyntaxError set. */
static int check_script_bytes(const char *src, size_t len, const char *path)
{
    OuroObject *exc = NULL, *info = NULL;
    const char *nul = memchr(src, '\0', len);
    size_t bad_end = 0;
    const char *why = NULL;
    ouro_ssize bad = nul ? -1 : ou_utf8_check(src, len, &bad_end, &why);
    if (!nul && bad < 0)
        return 0;
    const char *at = nul ? nul : src + bad;
    const char *ls = src;
    int lineno = 1;
    for (const char *q = src; q < at; q++)
        if (*q == '\n') {
            lineno++;
            ls = q + 1;
        }
    if (nul) {
        /* ("source code cannot contain null bytes", (file, line, 0, text, line, 0)) */
        OuroObject *items[6] = { ouro_str_from_cstr(path), ouro_int_from_int64(lineno),
                                 ouro_int_from_int64(0), ouro_str_from_utf8(ls, (size_t)(at - ls)),
                                 ouro_int_from_int64(lineno), ouro_int_from_int64(0) };
        if (!items[3]) { /* the text is not UTF-8 itself: None */
            ouro_err_clear();
            items[3] = OURO_NEWREF(OURO_NONE);
        }
        bool ok = true;
        for (int i = 0; i < 6; i++)
            ok = ok && items[i];
        info = ok ? ouro_tuple_from_array(items, 6) : NULL;
        for (int i = 0; i < 6; i++)
            OURO_XDECREF(items[i]);
        if (!info)
            return -1;
        OuroObject *msg = ouro_str_from_cstr("source code cannot contain null bytes");
        OuroObject *args[2] = { msg, info };
        exc = msg ? ouro_object_vectorcall((OuroObject *)&ouro_exc_SyntaxError, args, 2, NULL)
                  : NULL;
        OURO_XDECREF(msg);
    } else {
        OuroObject *msg = ouro_str_from_format(
            "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding "
            "declared; see https://peps.python.org/pep-0263/ for details",
            (unsigned)(unsigned char)*at, path, lineno);
        exc = msg ? ouro_object_vectorcall((OuroObject *)&ouro_exc_SyntaxError, &msg, 1, NULL)
                  : NULL;
        OURO_XDECREF(msg);
    }
    OURO_XDECREF(info);
    if (exc) {
        ouro_err_set_object(&ouro_exc_SyntaxError, exc);
        OURO_DECREF(exc);
    }
    return -1;
}

int ou_run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -2;
    OuStrBuf b;
    ou_strbuf_init(&b);
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0)
        ou_strbuf_append(&b, chunk, k);
    fclose(fp);
    if (b.failed) {
        ou_strbuf_discard(&b);
        ouro_err_no_memory();
        return -1;
    }
    /* a coding declaration (which ouro supports only as utf-8) is left to the lexer */
    const char *text = b.data ? b.data : "";
    const char *nl = memchr(text, '\n', b.len);
    const char *nl2 = nl ? memchr(nl + 1, '\n', b.len - (size_t)(nl + 1 - text)) : NULL;
    size_t head = nl2 ? (size_t)(nl2 - text) : b.len;
    bool declared = false;
    for (size_t i = 0; i + 6 <= head && !declared; i++)
        declared = memcmp(text + i, "coding", 6) == 0;
    if ((memchr(text, '\0', b.len) || !declared) && check_script_bytes(text, b.len, path) < 0) {
        ou_strbuf_discard(&b);
        return -1;
    }
    int rc = ou_run_source(text, b.len, path, true);
    ou_strbuf_discard(&b);
    return rc;
}
