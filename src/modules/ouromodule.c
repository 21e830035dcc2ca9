/* src/modules/ouromodule.c — `_ouro`: ouro-only introspection for tests and benchmarks
 * (issue 7: the allocator's accounting seen from Python, an object's real footprint).
 * CPython has no such module: scripts that must run on both import it under try. */
#include "modules.h"

/* _ouro.heap_bytes(): bytes the allocator has handed out and not taken back (blocks
 * rounded to their size class). New reference, or NULL. */
static OuroObject *ouro_heap_bytes(OuroObject *self, OuroObject *unused)
{
    OuroMemStats st;
    ouro_mem_stats(&st);
    return ouro_int_from_uint64(st.bytes_in_use);
}

/* _ouro.heap_blocks(): live blocks (allocations minus frees). New reference, or NULL. */
static OuroObject *ouro_heap_blocks(OuroObject *self, OuroObject *unused)
{
    OuroMemStats st;
    ouro_mem_stats(&st);
    return ouro_int_from_uint64(st.allocs_total - st.frees_total);
}

/* _ouro.footprint(obj): the bytes of obj's own block, GC header and allocator rounding
 * included (not what it refers to; not an instance's separate values block: see
 * sys.getsizeof). New reference, or NULL. */
static OuroObject *ouro_footprint(OuroObject *self, OuroObject *o)
{
    return ouro_int_from_uint64(ouro_object_footprint(o));
}

/* _ouro.dis(f): the listing of ouro's bytecode for a function or code object (what the
 * evaluation loop runs; not CPython's opcodes). New str, or NULL with TypeError. */
static OuroObject *ouro_dis(OuroObject *self, OuroObject *o)
{
    OuroObject *code = o;
    if (!OURO_IS_TYPE(o, &ou_code_type)) {
        code = ouro_object_getattr_str(o, "__code__");
        if (!code) {
            if (ouro_err_matches(&ouro_exc_AttributeError)) {
                ouro_err_clear();
                ouro_err_format(&ouro_exc_TypeError, "don't know how to disassemble %s objects",
                                OURO_TYPE_NAME(o));
            }
            return NULL;
        }
        if (!OURO_IS_TYPE(code, &ou_code_type)) {
            OURO_DECREF(code);
            return ouro_err_format(&ouro_exc_TypeError, "don't know how to disassemble %s objects",
                                   OURO_TYPE_NAME(o));
        }
        OuroObject *r = ou_code_disassemble(code);
        OURO_DECREF(code);
        return r;
    }
    return ou_code_disassemble(code);
}

static const OuroMethodDef ouro_methods[] = {
    { "dis", OURO_METH(ouro_dis), OURO_METH_O,
      "The listing of ouro's bytecode for a function or code object." },
    { "heap_bytes", OURO_METH(ouro_heap_bytes), OURO_METH_NOARGS,
      "Bytes in use in the allocator (size-class rounded)." },
    { "heap_blocks", OURO_METH(ouro_heap_blocks), OURO_METH_NOARGS,
      "Blocks in use in the allocator." },
    { "footprint", OURO_METH(ouro_footprint), OURO_METH_O,
      "Bytes of the object's own block, GC header and rounding included." },
    { NULL, NULL, 0, NULL },
};

OuroObject *ou_ouro_module_create(void)
{
    return ou_module_from_defs("_ouro", ouro_methods, "ouro-only introspection (issue 7).");
}
