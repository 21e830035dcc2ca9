/* src/lang/frameobject.c — frame objects (materialized only when someone looks: a
 * traceback, sys._getframe, a generator's gi_frame) and tracebacks. An interpreter frame
 * whose call ends while its frame object lives on moves into the object (take_ownership),
 * as CPython 3.11 does: its locals stay alive as long as a traceback holds the frame. */
#include "eval.h"
#include <string.h>

int ou_frame_lasti(OuFrame *f)
{
    OuCode *co = f->f_code;
    if (!f->next_instr)
        return -1;
    return (int)(f->next_instr - co->co_code - 1) * (int)sizeof(uint32_t);
}

/* Returns: borrowed reference (f keeps the frame object), or NULL with MemoryError. */
OuroObject *ou_frame_materialize(OuFrame *f)
{
    if (f->frame_obj)
        return f->frame_obj;
    OuFrameObject *fo = (OuFrameObject *)ouro_object_alloc_var(
        &ou_frame_type, (ouro_ssize)OU_FRAME_SLOTS(f->f_code));
    if (!fo)
        return NULL;
    fo->f_frame = f;
    fo->f_lineno = -1;
    f->frame_obj = (OuroObject *)fo;
    ouro_gc_track((OuroObject *)fo);
    return (OuroObject *)fo;
}

/* Moves the ended frame f into its frame object, which outlives the call. */
static void take_ownership(OuFrame *f, OuFrameObject *fo)
{
    OuFrame *nf = (OuFrame *)fo->f_data;
    size_t n = (size_t)f->stacktop;
    memcpy(nf, f, sizeof(OuFrame) + n * sizeof(OuroObject *));
    nf->owner = OU_FRAME_OBJECT;
    nf->frame_obj = NULL;
    nf->previous = NULL;
    fo->f_frame = nf;
    fo->f_lineno = ou_code_line_at((OuroObject *)f->f_code, ou_frame_lasti(f));
    if (f->previous && !fo->f_back) {
        OuroObject *back = ou_frame_materialize(f->previous);
        if (back)
            fo->f_back = OURO_NEWREF(back);
        else
            ouro_err_clear(); /* f_back is best effort: None when memory ran out */
    }
}

static void frame_release(OuFrame *f)
{
    for (int32_t i = 0; i < f->stacktop; i++)
        OURO_XDECREF(f->localsplus[i]);
    f->stacktop = 0;
    OURO_CLEAR(f->f_locals);
    OURO_CLEAR(f->f_func);
}

/* Never fails. The frame's memory itself is its owner's to free. */
void ou_frame_clear(OuFrame *f)
{
    OuFrameObject *fo = (OuFrameObject *)f->frame_obj;
    if (fo) {
        f->frame_obj = NULL;
        if (fo->ob_base.ob_refcnt > 1) {
            take_ownership(f, fo);
            OURO_DECREF(fo);
            return;
        }
        fo->f_frame = NULL;
        OURO_DECREF(fo);
    }
    frame_release(f);
}

static int frame_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuFrameObject *fo = (OuFrameObject *)o;
    if (fo->f_back && visit(fo->f_back, arg))
        return 1;
    /* A running or suspended frame's references belong to the thread or generator. */
    OuFrame *f = fo->f_frame;
    if (!f || f->owner != OU_FRAME_OBJECT)
        return 0;
    if (f->f_func && visit(f->f_func, arg))
        return 1;
    if (f->f_locals && visit(f->f_locals, arg))
        return 1;
    for (int32_t i = 0; i < f->stacktop; i++)
        if (f->localsplus[i] && visit(f->localsplus[i], arg))
            return 1;
    return 0;
}

static int frame_tp_clear(OuroObject *o)
{
    OuFrameObject *fo = (OuFrameObject *)o;
    OURO_CLEAR(fo->f_back);
    OuFrame *f = fo->f_frame;
    if (f && f->owner == OU_FRAME_OBJECT) {
        for (int32_t i = 0; i < f->stacktop; i++)
            OURO_CLEAR(f->localsplus[i]);
        OURO_CLEAR(f->f_locals);
    }
    return 0;
}

static void frame_dealloc(OuroObject *o)
{
    OuFrameObject *fo = (OuFrameObject *)o;
    ouro_gc_untrack(o);
    OuFrame *f = fo->f_frame;
    if (f && f->owner == OU_FRAME_OBJECT)
        frame_release(f);
    OURO_CLEAR(fo->f_back);
    ouro_object_free(o);
}

int ou_frame_lineno(OuroObject *frame)
{
    OuFrameObject *fo = (OuFrameObject *)frame;
    OuFrame *f = fo->f_frame;
    if (!f)
        return fo->f_lineno;
    if (f->owner == OU_FRAME_OBJECT && fo->f_lineno >= 0)
        return fo->f_lineno;
    return ou_code_line_at((OuroObject *)f->f_code, ou_frame_lasti(f));
}

OuroObject *ou_frame_code(OuroObject *frame)
{
    OuFrame *f = ((OuFrameObject *)frame)->f_frame;
    return f ? (OuroObject *)f->f_code : OURO_NONE;
}

OuroObject *ou_frame_globals(OuroObject *frame)
{
    OuFrame *f = ((OuFrameObject *)frame)->f_frame;
    return f ? f->f_globals : OURO_NONE;
}

/* A new dict of f's bound local variables (function frames), or its locals mapping. */
OuroObject *ou_frame_locals_of(OuFrame *f)
{
    if (f->f_locals)
        return OURO_NEWREF(f->f_locals);
    OuroObject *d = ouro_dict_new();
    if (!d)
        return NULL;
    OuCode *co = f->f_code;
    for (int32_t i = 0; i < co->co_nlocalsplus; i++) {
        OuroObject *v = f->localsplus[i];
        if (v && (co->co_kinds[i] & (OU_KIND_CELL | OU_KIND_FREE)) &&
            OURO_IS_TYPE(v, &ou_cell_type))
            v = ((OuCell *)v)->ob_ref;
        if (!v)
            continue;
        if (ouro_dict_set_item(d, OURO_TUPLE_GET(co->co_localsplusnames, i), v) < 0) {
            OURO_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static OuroObject *frame_get(OuroObject *o, void *c)
{
    OuFrameObject *fo = (OuFrameObject *)o;
    OuFrame *f = fo->f_frame;
    const char *w = c;
    if (!strcmp(w, "f_lineno"))
        return ouro_int_from_int64(ou_frame_lineno(o));
    if (!f)
        OURO_RETURN_NONE;
    if (!strcmp(w, "f_code"))
        return OURO_NEWREF(f->f_code);
    if (!strcmp(w, "f_globals"))
        return OURO_NEWREF(f->f_globals);
    if (!strcmp(w, "f_builtins"))
        return OURO_NEWREF(f->f_builtins);
    if (!strcmp(w, "f_lasti"))
        return ouro_int_from_int64(ou_frame_lasti(f));
    if (!strcmp(w, "f_locals"))
        return ou_frame_locals_of(f);
    /* f_back */
    if (fo->f_back)
        return OURO_NEWREF(fo->f_back);
    if (f->owner != OU_FRAME_OBJECT && f->previous) {
        OuroObject *b = ou_frame_materialize(f->previous);
        return b ? OURO_NEWREF(b) : NULL;
    }
    OURO_RETURN_NONE;
}

static OuroObject *frame_repr(OuroObject *o)
{
    OuFrame *f = ((OuFrameObject *)o)->f_frame;
    if (!f)
        return ouro_str_from_format("<frame at %p>", (void *)o);
    return ouro_str_from_format("<frame at %p, file '%U', line %d, code %U>", (void *)o,
                                f->f_code->co_filename, ou_frame_lineno(o),
                                f->f_code->co_name);
}

static const OuroGetSetDef frame_getset[] = {
    {"f_code", frame_get, NULL, NULL, "f_code"},
    {"f_globals", frame_get, NULL, NULL, "f_globals"},
    {"f_builtins", frame_get, NULL, NULL, "f_builtins"},
    {"f_locals", frame_get, NULL, NULL, "f_locals"},
    {"f_lineno", frame_get, NULL, NULL, "f_lineno"},
    {"f_lasti", frame_get, NULL, NULL, "f_lasti"},
    {"f_back", frame_get, NULL, NULL, "f_back"},
    {NULL, NULL, NULL, NULL, NULL},
};

OuroType ou_frame_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "frame",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuFrameObject),
    .tp_itemsize = sizeof(OuroObject *),
    .tp_dealloc = frame_dealloc,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_tp_clear,
    .tp_repr = frame_repr,
    .tp_getset = frame_getset,
};

/* ------------------------------------------------------------------ tracebacks -- */

int ou_traceback_add(OuroObject *frame)
{
    struct OuroThreadState *ts = ou_tstate();
    OuroBaseException *exc = (OuroBaseException *)ts->curexc;
    if (!exc)
        return 0;
    OuTraceback *tb = (OuTraceback *)ouro_object_alloc(&ou_traceback_type);
    if (!tb)
        return -1;
    OuFrame *f = ((OuFrameObject *)frame)->f_frame;
    tb->tb_next = exc->traceback;   /* the reference moves into the new entry */
    tb->tb_frame = OURO_NEWREF(frame);
    tb->tb_lasti = f ? ou_frame_lasti(f) : -1;
    tb->tb_lineno = ou_frame_lineno(frame);
    exc->traceback = (OuroObject *)tb;
    ouro_gc_track((OuroObject *)tb);
    return 0;
}

static void tb_dealloc(OuroObject *o)
{
    OuTraceback *tb = (OuTraceback *)o;
    ouro_gc_untrack(o);
    OURO_CLEAR(tb->tb_next);
    OURO_CLEAR(tb->tb_frame);
    ouro_object_free(o);
}

static int tb_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuTraceback *tb = (OuTraceback *)o;
    if (tb->tb_next && visit(tb->tb_next, arg))
        return 1;
    return tb->tb_frame ? visit(tb->tb_frame, arg) : 0;
}

static int tb_clear(OuroObject *o)
{
    OuTraceback *tb = (OuTraceback *)o;
    OURO_CLEAR(tb->tb_next);
    OURO_CLEAR(tb->tb_frame);
    return 0;
}

static const OuroMemberDef tb_members[] = {
    {"tb_next", OURO_MEMBER_OBJECT, offsetof(OuTraceback, tb_next), OURO_MEMBER_READONLY, NULL},
    {"tb_frame", OURO_MEMBER_OBJECT, offsetof(OuTraceback, tb_frame), OURO_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static OuroObject *tb_get_int(OuroObject *o, void *c)
{
    OuTraceback *tb = (OuTraceback *)o;
    return ouro_int_from_int64(c ? tb->tb_lineno : tb->tb_lasti);
}

static const OuroGetSetDef tb_getset[] = {
    {"tb_lasti", tb_get_int, NULL, NULL, NULL},
    {"tb_lineno", tb_get_int, NULL, NULL, "l"},
    {NULL, NULL, NULL, NULL, NULL},
};

OuroType ou_traceback_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "traceback",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuTraceback),
    .tp_dealloc = tb_dealloc,
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_members = tb_members,
    .tp_getset = tb_getset,
};
