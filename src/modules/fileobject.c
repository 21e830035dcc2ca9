/* src/modules/fileobject.c — files over C stdio: open() and sys.stdin/stdout/stderr.
 * Text mode is UTF-8 with universal newlines on reading (CPython's io.TextIOWrapper for
 * the uses of the subset: read, readline, readlines, write, writelines, iteration,
 * with); binary mode ('b') reads and writes bytes the same ways. */
#include "modules.h"
#include "runtime/gil.h" /* I/O without the GIL (issue 8) */
#include "runtime/runtime.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>

typedef struct OuTextFile {
    OuroObject ob_base;
    FILE *fp;                /* NULL once closed */
    OuroObject *name;        /* str (a path or "<stdout>") */
    OuroObject *mode;        /* str */
    bool owns;               /* fclose on close / dealloc (not for the std streams) */
    bool readable, writable;
    bool binary;             /* 'b' mode: bytes in and out, no newline translation */
} OuTextFile;

#define TF(o) ((OuTextFile *)(o))

static void file_dealloc(OuroObject *o)
{
    OuTextFile *f = TF(o);
    if (f->fp) {
        if (f->owns)
            fclose(f->fp);
        else
            fflush(f->fp);
    }
    OURO_CLEAR(f->name);
    OURO_CLEAR(f->mode);
    ouro_object_free(o);
}

OuroObject *ou_file_from_fp(FILE *fp, const char *name, const char *mode, bool owns)
{
    OuTextFile *f = (OuTextFile *)ouro_object_alloc(&ou_textfile_type);
    if (!f)
        return NULL;
    f->name = ouro_str_from_cstr(name);
    f->mode = ouro_str_from_cstr(mode);
    if (!f->name || !f->mode) {
        OURO_DECREF(f);
        return NULL;
    }
    f->fp = fp;
    f->owns = owns;
    f->readable = strchr(mode, 'r') || strchr(mode, '+');
    f->writable = strchr(mode, 'w') || strchr(mode, 'a') || strchr(mode, 'x') ||
                  strchr(mode, '+');
    return (OuroObject *)f;
}

/* Parses an open() mode into the fopen mode to use (fmode: 8 bytes). 0 / -1. */
static int parse_mode(OuroObject *mode, char *fmode, bool *binary)
{
    const char *m = ouro_str_utf8(mode);
    int r = 0, w = 0, a = 0, x = 0, plus = 0, t = 0, b = 0;
    for (const char *p = m; *p; p++) {
        int *flag = *p == 'r' ? &r : *p == 'w' ? &w : *p == 'a' ? &a : *p == 'x' ? &x :
                    *p == '+' ? &plus : *p == 't' ? &t : *p == 'b' ? &b : NULL;
        if (!flag || *flag) {
            ouro_err_format(&ouro_exc_ValueError, "invalid mode: '%s'", m);
            return -1;
        }
        *flag = 1;
    }
    if (r + w + a + x != 1 || (t && b)) {
        if (t && b)
            ouro_err_set_string(&ouro_exc_ValueError, "can't have text and binary mode at once");
        else
            ouro_err_set_string(&ouro_exc_ValueError,
                                "must have exactly one of create/read/write/append mode");
        return -1;
    }
    *binary = b;
    const char *base = r ? "r" : w ? "w" : a ? "a" : "w";
    snprintf(fmode, 8, "%s%s%s", base, plus ? "+" : "", x ? "x" : "");
    return 0;
}

OuroObject *ou_file_open(OuroObject *file, OuroObject *mode, OuroObject *encoding)
{
    if (!ouro_str_check(file))
        return ouro_err_format(&ouro_exc_TypeError,
                               "expected str, bytes or os.PathLike object, not %s",
                               OURO_TYPE_NAME(file));
    char fmode[8];
    bool binary;
    if (parse_mode(mode, fmode, &binary) < 0)
        return NULL;
    if (encoding && encoding != OURO_NONE) {
        if (!ouro_str_check(encoding))
            return ouro_err_format(&ouro_exc_TypeError,
                                   "open() argument 'encoding' must be str or None, not %s",
                                   OURO_TYPE_NAME(encoding));
        const char *e = ouro_str_utf8(encoding);
        if (strcasecmp(e, "utf-8") && strcasecmp(e, "utf8") && strcasecmp(e, "ascii") &&
            strcasecmp(e, "us-ascii"))
            return ouro_err_format(&ouro_exc_LookupError, "unknown encoding: %s", e);
    }
    FILE *fp = fopen(ouro_str_utf8(file), fmode);
    if (!fp)
        return ou_err_from_errno(errno, file);
    OuroObject *f = ou_file_from_fp(fp, ouro_str_utf8(file), ouro_str_utf8(mode), true);
    if (!f) {
        fclose(fp);
        return NULL;
    }
    TF(f)->binary = binary;
    return f;
}

/* ---------------------------------------------------------------- checks -- */

static int check_open(OuTextFile *f)
{
    if (f->fp)
        return 0;
    ouro_err_set_string(&ouro_exc_ValueError, "I/O operation on closed file.");
    return -1;
}

static int check_readable(OuTextFile *f)
{
    if (check_open(f) < 0)
        return -1;
    if (f->readable)
        return 0;
    ouro_err_set_string(&ouro_exc_OSError, "not readable");
    return -1;
}

static int check_writable(OuTextFile *f)
{
    if (check_open(f) < 0)
        return -1;
    if (f->writable)
        return 0;
    ouro_err_set_string(&ouro_exc_OSError, "not writable");
    return -1;
}

/* ------------------------------------------------------------------ write -- */

static int write_bytes(OuTextFile *f, const char *p, size_t n)
{
    if (check_writable(f) < 0)
        return -1;
    /* Issue 8: a write may block (a full pipe): without the GIL (runtime/gil.h). */
    struct OuroThreadState *ts = ou_blocking_begin();
    size_t wrote = fwrite(p, 1, n, f->fp);
    int saved_errno = errno;
    ou_blocking_end(ts);
    if (wrote != n) {
        ou_err_from_errno(saved_errno, NULL);
        return -1;
    }
    /* stderr is unbuffered in CPython; stdout is line-buffered on a terminal (stdio's own
     * rule for the real stdout). */
    return 0;
}

static OuroObject *need_bytes(OuroObject *o)
{
    return ouro_err_format(&ouro_exc_TypeError, "a bytes-like object is required, not '%s'",
                           OURO_TYPE_NAME(o));
}

int ou_file_write_str(OuroObject *file, OuroObject *s)
{
    if (OURO_TYPE(file) == &ou_textfile_type && TF(file)->binary)
        return need_bytes(s), -1;
    if (OURO_TYPE(file) == &ou_textfile_type) {
        /* CPython calls file.write (METH_O), which counts a recursion level: print()
         * at the recursion limit fails there as in CPython. */
        if (ou_enter_recursive_call(" while calling a Python object") < 0)
            return -1;
        int rc = write_bytes(TF(file), ouro_str_utf8(s), (size_t)ouro_str_byte_length(s));
        ou_leave_recursive_call();
        return rc;
    }
    OuroObject *r = ou_mod_call_method(file, "write", &s, 1, NULL);
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

static OuroObject *file_write(OuroObject *self, OuroObject *s)
{
    if (TF(self)->binary) {
        if (!ouro_bytes_check(s))
            return need_bytes(s);
        if (write_bytes(TF(self), ouro_bytes_data(s), (size_t)ouro_bytes_length(s)) < 0)
            return NULL;
        return ouro_int_from_ssize(ouro_bytes_length(s));
    }
    if (!ouro_str_check(s))
        return ouro_err_format(&ouro_exc_TypeError, "write() argument must be str, not %s",
                               OURO_TYPE_NAME(s));
    if (write_bytes(TF(self), ouro_str_utf8(s), (size_t)ouro_str_byte_length(s)) < 0)
        return NULL;
    return ouro_int_from_ssize(ouro_str_length(s));
}

static OuroObject *file_writelines(OuroObject *self, OuroObject *lines)
{
    OuroObject *it = ouro_object_get_iter(lines);
    if (!it)
        return NULL;
    OuroObject *line;
    while ((line = ouro_iter_next(it))) {
        OuroObject *r = file_write(self, line);
        OURO_DECREF(line);
        if (!r)
            break;
        OURO_DECREF(r);
    }
    OURO_DECREF(it);
    if (ouro_err_occurred())
        return NULL;
    OURO_RETURN_NONE;
}

static OuroObject *file_flush(OuroObject *self, OuroObject *unused)
{
    OuTextFile *f = TF(self);
    if (check_open(f) < 0)
        return NULL;
    fflush(f->fp);
    OURO_RETURN_NONE;
}

/* ------------------------------------------------------------------- read -- */

/* Universal newlines: "\r\n" and "\r" become "\n" in b[from..]. */
static void translate_newlines(OuStrBuf *b, size_t from)
{
    size_t w = from;
    for (size_t r = from; r < b->len; r++) {
        if (b->data[r] == '\r') {
            b->data[w++] = '\n';
            if (r + 1 < b->len && b->data[r + 1] == '\n')
                r++;
        } else {
            b->data[w++] = b->data[r];
        }
    }
    b->len = w;
}

/* Reads one line (up to and including '\n'), at most limit characters (-1: no limit). */
static int read_line(OuTextFile *f, OuStrBuf *b, ouro_ssize limit)
{
    ouro_ssize chars = 0;
    /* Issue 8: the first byte may block (a pipe, a terminal, input()): wait for it
     * without the GIL (runtime/gil.h), then put it back. A signal interrupts the wait:
     * Ctrl-C raises KeyboardInterrupt, any other signal resumes it (PEP 475). */
    int c;
    for (;;) {
        struct OuroThreadState *ts = ou_blocking_begin();
        errno = 0;
        c = getc(f->fp);
        int err = errno;
        ou_blocking_end(ts);
        if (c != EOF || !ferror(f->fp) || err != EINTR)
            break;
        clearerr(f->fp);
        if (ouro_err_check_signals() < 0)
            return -1;
    }
    /* End of input and Ctrl-C at once (a pipe closed as the signal came): the signal
     * wins, as the user asked for it. */
    if (c == EOF && ouro_err_check_signals() < 0)
        return -1;
    if (c != EOF)
        ungetc(c, f->fp);
    while ((limit < 0 || chars < limit) && (c = getc(f->fp)) != EOF) {
        if (c == '\r' && !f->binary) {
            int d = getc(f->fp);
            if (d != '\n' && d != EOF)
                ungetc(d, f->fp);
            c = '\n';
        }
        ou_strbuf_append_char(b, (char)c);
        chars += f->binary || (c & 0xC0) != 0x80;
        if (c == '\n')
            break;
    }
    if (ferror(f->fp)) {
        clearerr(f->fp);
        ou_err_from_errno(errno, NULL);
        return -1;
    }
    return 0;
}

/* The str (text mode) or bytes (binary) of the buffer, which is released. */
static OuroObject *finish_text(OuTextFile *f, OuStrBuf *b)
{
    if (b->failed) {
        ou_strbuf_discard(b);
        return ouro_err_no_memory();
    }
    OuroObject *s = f->binary ? ouro_bytes_from_data(b->data ? b->data : "", b->len)
                              : ouro_str_from_utf8(b->data ? b->data : "", b->len);
    ou_strbuf_discard(b);
    return s;
}

static int size_arg(OuroObject *const *args, ouro_ssize nargs, const char *name, ouro_ssize *n)
{
    *n = -1;
    if (ou_builtin_check_nargs(name, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 1 && args[0] != OURO_NONE) {
        OuroObject *i = ouro_number_index(args[0]);
        if (!i)
            return -1;
        *n = ouro_int_as_ssize(i);
        OURO_DECREF(i);
        if (*n == -1 && ouro_err_occurred())
            return -1;
    }
    return 0;
}

static OuroObject *file_read(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    OuTextFile *f = TF(self);
    ouro_ssize n;
    if (size_arg(args, nargs, "read", &n) < 0 || check_readable(f) < 0)
        return NULL;
    OuStrBuf b;
    ou_strbuf_init(&b);
    if (n < 0) {
        char chunk[8192];
        size_t k;
        while ((k = fread(chunk, 1, sizeof(chunk), f->fp)) > 0)
            ou_strbuf_append(&b, chunk, k);
        if (!f->binary)
            translate_newlines(&b, 0);
    } else if (f->binary) {
        for (int c; (ouro_ssize)b.len < n && (c = getc(f->fp)) != EOF;)
            ou_strbuf_append_char(&b, (char)c);
    } else {
        ouro_ssize chars = 0;
        int c;
        while (chars < n && (c = getc(f->fp)) != EOF) {
            if (c == '\r') {
                int d = getc(f->fp);
                if (d != '\n' && d != EOF)
                    ungetc(d, f->fp);
                c = '\n';
            }
            ou_strbuf_append_char(&b, (char)c);
            /* count a character at its lead byte; finish its continuation bytes */
            chars++;
            int more = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
            while (more-- > 0 && (c = getc(f->fp)) != EOF)
                ou_strbuf_append_char(&b, (char)c);
        }
    }
    return finish_text(f, &b);
}

static OuroObject *file_readline(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    OuTextFile *f = TF(self);
    ouro_ssize n;
    if (size_arg(args, nargs, "readline", &n) < 0 || check_readable(f) < 0)
        return NULL;
    OuStrBuf b;
    ou_strbuf_init(&b);
    if (read_line(f, &b, n) < 0) {
        ou_strbuf_discard(&b);
        return NULL;
    }
    return finish_text(f, &b);
}

static OuroObject *file_readlines(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    OuTextFile *f = TF(self);
    ouro_ssize hint;
    if (size_arg(args, nargs, "readlines", &hint) < 0 || check_readable(f) < 0)
        return NULL;
    OuroObject *l = ouro_list_new(0);
    ouro_ssize total = 0;
    while (l && (hint <= 0 || total < hint)) {
        OuStrBuf b;
        ou_strbuf_init(&b);
        if (read_line(f, &b, -1) < 0) {
            ou_strbuf_discard(&b);
            OURO_CLEAR(l);
            break;
        }
        if (b.len == 0) {
            ou_strbuf_discard(&b);
            break;
        }
        OuroObject *s = finish_text(f, &b);
        if (!s || ouro_list_append(l, s) < 0)
            OURO_CLEAR(l);
        if (s)
            total += f->binary ? ouro_bytes_length(s) : ouro_str_length(s);
        OURO_XDECREF(s);
    }
    return l;
}

static OuroObject *file_iternext(OuroObject *self)
{
    OuTextFile *f = TF(self);
    if (check_readable(f) < 0)
        return NULL;
    OuStrBuf b;
    ou_strbuf_init(&b);
    if (read_line(f, &b, -1) < 0) {
        ou_strbuf_discard(&b);
        return NULL;
    }
    if (b.len == 0) {
        ou_strbuf_discard(&b);
        return NULL;
    }
    return finish_text(f, &b);
}

static OuroObject *file_iter(OuroObject *self)
{
    if (check_open(TF(self)) < 0)
        return NULL;
    return OURO_NEWREF(self);
}

OuroObject *ou_file_readline_raw(OuroObject *file, bool *eof)
{
    *eof = false;
    OuroObject *line;
    if (OURO_TYPE(file) == &ou_textfile_type)
        line = file_readline(file, NULL, 0);
    else
        line = ou_mod_call_method(file, "readline", NULL, 0, NULL);
    if (!line)
        return NULL;
    if (!ouro_str_check(line)) {
        OURO_DECREF(line);
        return ouro_err_format(&ouro_exc_TypeError, "object.readline() returned non-string");
    }
    ouro_ssize n = ouro_str_length(line);
    if (n == 0) {
        OURO_DECREF(line);
        *eof = true;
        return NULL;
    }
    if (ouro_str_codepoint_at(line, n - 1) == '\n') {
        OuroObject *s = ouro_str_substring(line, 0, n - 1);
        OURO_DECREF(line);
        return s;
    }
    return line;
}

/* ------------------------------------------------------------ the others -- */

static OuroObject *file_close(OuroObject *self, OuroObject *unused)
{
    OuTextFile *f = TF(self);
    if (f->fp) {
        FILE *fp = f->fp;
        f->fp = NULL;
        if (f->owns ? fclose(fp) != 0 : fflush(fp) != 0)
            return ou_err_from_errno(errno, NULL);
    }
    OURO_RETURN_NONE;
}

static OuroObject *file_enter(OuroObject *self, OuroObject *unused)
{
    if (check_open(TF(self)) < 0)
        return NULL;
    return OURO_NEWREF(self);
}

static OuroObject *file_exit(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return file_close(self, NULL);
}

static OuroObject *file_fileno(OuroObject *self, OuroObject *unused)
{
    if (check_open(TF(self)) < 0)
        return NULL;
    return ouro_int_from_int64(fileno(TF(self)->fp));
}

static OuroObject *file_isatty(OuroObject *self, OuroObject *unused)
{
    if (check_open(TF(self)) < 0)
        return NULL;
    return OURO_NEWREF(isatty(fileno(TF(self)->fp)) ? OURO_TRUE : OURO_FALSE);
}

static OuroObject *file_readable(OuroObject *self, OuroObject *unused)
{
    if (check_open(TF(self)) < 0)
        return NULL;
    return OURO_NEWREF(TF(self)->readable ? OURO_TRUE : OURO_FALSE);
}

static OuroObject *file_writable(OuroObject *self, OuroObject *unused)
{
    if (check_open(TF(self)) < 0)
        return NULL;
    return OURO_NEWREF(TF(self)->writable ? OURO_TRUE : OURO_FALSE);
}

static OuroObject *file_repr(OuroObject *self)
{
    if (TF(self)->binary) {
        OuTextFile *f = TF(self);
        const char *kind = f->readable && f->writable ? "BufferedRandom"
                           : f->readable ? "BufferedReader" : "BufferedWriter";
        return ouro_str_from_format("<_io.%s name=%R>", kind, f->name);
    }
    return ouro_str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding='UTF-8'>",
                                TF(self)->name, TF(self)->mode);
}

static OuroObject *get_name(OuroObject *self, void *c) { return OURO_NEWREF(TF(self)->name); }
static OuroObject *get_mode(OuroObject *self, void *c) { return OURO_NEWREF(TF(self)->mode); }
static OuroObject *get_closed(OuroObject *self, void *c)
{
    return OURO_NEWREF(TF(self)->fp ? OURO_FALSE : OURO_TRUE);
}
static OuroObject *get_encoding(OuroObject *self, void *c) { return ouro_str_from_cstr("UTF-8"); }

static const OuroMethodDef file_methods[] = {
    { "read", OURO_METH(file_read), OURO_METH_FASTCALL, "Read at most size characters." },
    { "readline", OURO_METH(file_readline), OURO_METH_FASTCALL, "Read until newline or EOF." },
    { "readlines", OURO_METH(file_readlines), OURO_METH_FASTCALL, "Return a list of lines." },
    { "write", OURO_METH(file_write), OURO_METH_O, "Write string to stream." },
    { "writelines", OURO_METH(file_writelines), OURO_METH_O, "Write a list of lines." },
    { "flush", OURO_METH(file_flush), OURO_METH_NOARGS, "Flush write buffers." },
    { "close", OURO_METH(file_close), OURO_METH_NOARGS, "Flush and close the file." },
    { "fileno", OURO_METH(file_fileno), OURO_METH_NOARGS, "Return the file descriptor." },
    { "isatty", OURO_METH(file_isatty), OURO_METH_NOARGS, "Whether the file is a terminal." },
    { "readable", OURO_METH(file_readable), OURO_METH_NOARGS, "Whether the file is readable." },
    { "writable", OURO_METH(file_writable), OURO_METH_NOARGS, "Whether the file is writable." },
    { "__enter__", OURO_METH(file_enter), OURO_METH_NOARGS, NULL },
    { "__exit__", OURO_METH(file_exit), OURO_METH_FASTCALL, NULL },
    { NULL, NULL, 0, NULL },
};

static const OuroGetSetDef file_getset[] = {
    { "name", get_name, NULL, NULL, NULL },
    { "mode", get_mode, NULL, NULL, NULL },
    { "closed", get_closed, NULL, NULL, NULL },
    { "encoding", get_encoding, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

OuroType ou_textfile_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(OuTextFile),
    .tp_dealloc = file_dealloc,
    .tp_repr = file_repr,
    .tp_iter = file_iter,
    .tp_iternext = file_iternext,
    .tp_methods = file_methods,
    .tp_getset = file_getset,
    .tp_doc = "Character and line based layer over a buffered binary stream.",
};

/* ------------------------------------------------------- standard streams -- */

OuroObject *ou_sys_get(const char *name)
{
    OuroRuntime *rt = ouro_runtime_current();
    OuInterp *in = rt ? rt->lang : NULL;
    if (!in || !in->sys_dict)
        return NULL;
    OuroObject *v = ouro_dict_get_item_str(in->sys_dict, name);
    return v == OURO_NONE ? NULL : v;
}

void ou_sys_flush_std(void)
{
    const char *names[] = { "stdout", "stderr" };
    for (int i = 0; i < 2; i++) {
        OuroObject *f = ou_sys_get(names[i]);
        if (!f)
            continue;
        OuroObject *r = OURO_TYPE(f) == &ou_textfile_type
                            ? (TF(f)->fp ? file_flush(f, NULL) : OURO_NONE)
                            : ou_mod_call_method(f, "flush", NULL, 0, NULL);
        if (r)
            OURO_DECREF(r);
        else
            ouro_err_clear();
    }
}
