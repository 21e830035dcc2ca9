/* src/lang/compile_match.c — code generation for the match statement (PEP 634) and its
 * compile-time SyntaxErrors. Captured values wait on the stack until the whole pattern
 * has matched and are then stored in capture order; a failed sub-pattern jumps to a
 * label that pops what the pattern had pushed so far. Functions return 0, or -1 with an
 * exception set (SyntaxError at the pattern, MemoryError). Narrative:
 * docs/internals/language.md ("The match statement"). */
#include "compile.h"
#include "mem/mem.h"
#include <string.h>

#define EMIT(op, arg) do { if (ou_c_emit(c, (op), (arg)) < 0) return -1; } while (0)
#define JUMP_TO(op, l) do { if (ou_c_emit_jump(c, (op), (l)) < 0) return -1; } while (0)
#define BIND(l) do { if (ou_c_bind_label(c, (l)) < 0) return -1; } while (0)

/* The state of one pattern's compilation.
 * Stack, bottom to top: [captures..., on_top items..., the value being matched]. The
 * capture of stores[i] lies deeper than that of stores[i-1] (each new capture is rotated
 * under the others), so storing stores[0], stores[1], ... pops them in order.
 * fail_pop[k] is the label a failure jumps to with k items (captures and on_top) to pop:
 * fail_pop[k] pops one and falls into fail_pop[k-1]. */
typedef struct PatCtx {
    OuroObject **stores;       /* captured names (interned, borrowed from the tree) */
    int nstores, cap_stores;
    int32_t *fail_pop;
    int nfail_pop, cap_fail_pop;
    int on_top;                /* items above the captures that a failure must pop */
    bool allow_irrefutable;    /* a capture or wildcard may stand here */
} PatCtx;

static void ctx_free(PatCtx *pc)
{
    ouro_mem_free(pc->stores);
    ouro_mem_free(pc->fail_pop);
    pc->stores = NULL;
    pc->fail_pop = NULL;
    pc->nstores = pc->cap_stores = pc->nfail_pop = pc->cap_fail_pop = 0;
}

static bool is_wildcard(const OuPattern *pt)
{
    return pt->kind == OU_MATCHAS_KIND && !pt->v.as.pattern && !pt->v.as.name;
}

static bool is_star_wildcard(const OuPattern *pt)
{
    return pt->kind == OU_MATCHSTAR_KIND && !pt->v.star.name;
}

/* Moves the top of the stack down to depth n (1: stays), keeping the others' order. */
static int rotate(OuCompiler *c, int n)
{
    for (; n > 1; n--)
        EMIT(OP_SWAP, n);
    return 0;
}

/* Exchanges the items at depths a < b (1: the top). */
static int swap_depths(OuCompiler *c, int a, int b)
{
    if (a != 1)
        EMIT(OP_SWAP, a);
    EMIT(OP_SWAP, b);
    if (a != 1)
        EMIT(OP_SWAP, a);
    return 0;
}

/* Conditional (or JUMP) to the failure label popping every capture and on_top item. */
static int jump_to_fail(OuCompiler *c, PatCtx *pc, int op)
{
    int pops = pc->on_top + pc->nstores;
    if (ou_c_grow((void **)&pc->fail_pop, &pc->cap_fail_pop, pops + 1, sizeof(int32_t)) < 0)
        return -1;
    while (pc->nfail_pop <= pops) {
        int32_t l = ou_c_new_label(c);
        if (l < 0)
            return -1;
        pc->fail_pop[pc->nfail_pop++] = l;
    }
    return ou_c_emit_jump(c, op, pc->fail_pop[pops]);
}

/* Binds the failure labels (popping on the way down) and forgets them. */
static int emit_fail_pops(OuCompiler *c, PatCtx *pc)
{
    if (!pc->nfail_pop)
        return 0;
    for (int k = pc->nfail_pop - 1; k > 0; k--) {
        BIND(pc->fail_pop[k]);
        EMIT(OP_POP_TOP, 0);
    }
    BIND(pc->fail_pop[0]);
    pc->nfail_pop = 0;
    return 0;
}

static int store_index(const PatCtx *pc, OuroObject *name)
{
    for (int i = 0; i < pc->nstores; i++)
        if (pc->stores[i] == name)
            return i;
    return -1;
}

static int add_store(OuCompiler *c, PatCtx *pc, OuroObject *name)
{
    if (store_index(pc, name) >= 0)
        return ou_c_error(c, &c->u->loc, "multiple assignments to name '%s' in pattern",
                          ouro_str_utf8(name));
    if (ou_c_grow((void **)&pc->stores, &pc->cap_stores, pc->nstores + 1, sizeof(OuroObject *)) < 0)
        return -1;
    pc->stores[pc->nstores++] = name;
    return 0;
}

/* Captures the top of the stack as name (NULL: drops it). */
static int store_name(OuCompiler *c, PatCtx *pc, OuroObject *name)
{
    if (!name) {
        EMIT(OP_POP_TOP, 0);
        return 0;
    }
    if (strcmp(ouro_str_utf8(name), "__debug__") == 0)
        return ou_c_error(c, &c->u->loc, "cannot assign to __debug__");
    if (rotate(c, pc->on_top + pc->nstores + 1) < 0)
        return -1;
    return add_store(c, pc, name);
}

static int pattern(OuCompiler *c, const OuPattern *pt, PatCtx *pc);

/* A sub-pattern: captures and wildcards are always allowed inside. */
static int subpattern(OuCompiler *c, const OuPattern *pt, PatCtx *pc)
{
    bool old = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    int rc = pattern(c, pt, pc);
    pc->allow_irrefutable = old;
    return rc;
}

/* MatchValue's expression after constant folding (-1, 1+2j): Constant or Attribute. */
static int load_value(OuCompiler *c, const OuExpr *e, const char *what)
{
    if (e->kind == OU_ATTRIBUTE_KIND)
        return ou_c_expr(c, e);
    OuroObject *v = e->kind == OU_JOINEDSTR_KIND ? NULL : ou_c_fold(c, e);
    if (!v) {
        if (ouro_err_occurred())
            return -1;
        return ou_c_error(c, &c->u->loc, "%s", what);
    }
    int rc = ou_c_load_const(c, v);
    OURO_DECREF(v);
    return rc;
}

static int pattern_as(OuCompiler *c, const OuPattern *pt, PatCtx *pc)
{
    if (!pt->v.as.pattern) {
        if (!pc->allow_irrefutable) {
            if (!pt->v.as.name)
                return ou_c_error(c, &pt->loc, "wildcard makes remaining patterns unreachable");
            return ou_c_error(c, &pt->loc, "name capture '%s' makes remaining patterns unreachable",
                              ouro_str_utf8(pt->v.as.name));
        }
        return store_name(c, pc, pt->v.as.name);
    }
    /* Keep a copy to capture once the inner pattern matched. */
    pc->on_top++;
    EMIT(OP_COPY, 1);
    if (pattern(c, pt->v.as.pattern, pc) < 0)
        return -1;
    pc->on_top--;
    return store_name(c, pc, pt->v.as.name);
}

/* Items of a sequence without a `*_`: unpacked onto the stack, first on top. */
static int sequence_unpack(OuCompiler *c, const OuPatternSeq *pats, int star, PatCtx *pc)
{
    int n = pats->n;
    if (star < 0)
        EMIT(OP_UNPACK_SEQUENCE, n);
    else
        EMIT(OP_UNPACK_EX, star | ((n - star - 1) << 8));
    pc->on_top += n;
    for (int i = 0; i < n; i++) {
        pc->on_top--;
        if (subpattern(c, pats->items[i], pc) < 0)
            return -1;
    }
    return 0;
}

/* With a `*_`: index the subject for the other items instead of unpacking it all. */
static int sequence_subscr(OuCompiler *c, const OuPatternSeq *pats, int star, PatCtx *pc)
{
    int n = pats->n;
    pc->on_top++;
    for (int i = 0; i < n; i++) {
        const OuPattern *it = pats->items[i];
        if (i == star || is_wildcard(it))
            continue;
        EMIT(OP_COPY, 1);
        if (i < star) {
            OuroObject *k = ouro_int_from_ssize(i);
            int rc = k ? ou_c_load_const(c, k) : -1;
            OURO_XDECREF(k);
            if (rc < 0)
                return -1;
        } else {
            /* Counted from the end without negative indexing (a subject may lack it). */
            EMIT(OP_GET_LEN, 0);
            OuroObject *k = ouro_int_from_ssize(n - i);
            int rc = k ? ou_c_load_const(c, k) : -1;
            OURO_XDECREF(k);
            if (rc < 0)
                return -1;
            EMIT(OP_BINARY_OP, OU_NB_SUBTRACT);
        }
        EMIT(OP_BINARY_SUBSCR, 0);
        if (subpattern(c, it, pc) < 0)
            return -1;
    }
    pc->on_top--;
    EMIT(OP_POP_TOP, 0);
    return 0;
}

static int load_int(OuCompiler *c, ouro_ssize n)
{
    OuroObject *k = ouro_int_from_ssize(n);
    int rc = k ? ou_c_load_const(c, k) : -1;
    OURO_XDECREF(k);
    return rc;
}

static int pattern_sequence(OuCompiler *c, const OuPattern *pt, PatCtx *pc)
{
    const OuPatternSeq *pats = &pt->v.seq.patterns;
    int n = pats->n, star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < n; i++) {
        const OuPattern *it = pats->items[i];
        if (it->kind == OU_MATCHSTAR_KIND) {
            if (star >= 0)
                return ou_c_error(c, &pt->loc, "multiple starred names in sequence pattern");
            star_wildcard = is_star_wildcard(it);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= is_wildcard(it);
    }
    pc->on_top++;
    EMIT(OP_MATCH_SEQUENCE, 0);
    if (jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE) < 0)
        return -1;
    if (star < 0 || n > 1) {
        EMIT(OP_GET_LEN, 0);
        if (load_int(c, star < 0 ? n : n - 1) < 0)
            return -1;
        EMIT(OP_COMPARE_OP, star < 0 ? OURO_EQ : OURO_GE);
        if (jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE) < 0)
            return -1;
    }
    pc->on_top--;
    if (only_wildcard) {
        EMIT(OP_POP_TOP, 0);
        return 0;
    }
    return star_wildcard ? sequence_subscr(c, pats, star, pc) : sequence_unpack(c, pats, star, pc);
}

static int pattern_mapping(OuCompiler *c, const OuPattern *pt, PatCtx *pc)
{
    const OuExprSeq *keys = &pt->v.mapping.keys;
    const OuPatternSeq *pats = &pt->v.mapping.patterns;
    int n = keys->n;
    pc->on_top++;
    EMIT(OP_MATCH_MAPPING, 0);
    if (jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE) < 0)
        return -1;
    if (!n && !pt->v.mapping.rest) {
        pc->on_top--;
        EMIT(OP_POP_TOP, 0);
        return 0;
    }
    if (n) {
        EMIT(OP_GET_LEN, 0);
        if (load_int(c, n) < 0)
            return -1;
        EMIT(OP_COMPARE_OP, OURO_GE);
        if (jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE) < 0)
            return -1;
    }
    /* The keys: literals (checked for duplicates here) or attribute lookups. */
    OuroObject *seen = ouro_set_new(NULL);
    if (!seen)
        return -1;
    for (int i = 0; i < n; i++) {
        const OuExpr *k = keys->items[i];
        const char *bad = "mapping pattern keys may only match literals and attribute lookups";
        if (k->kind != OU_ATTRIBUTE_KIND) {
            OuroObject *v = k->kind == OU_JOINEDSTR_KIND ? NULL : ou_c_fold(c, k);
            int dup = v ? ouro_set_contains(seen, v) : -1;
            if (dup == 0)
                dup = ouro_set_add(seen, v);
            if (dup != 0) {
                OuroObject *r = dup > 0 ? ouro_object_repr(v) : NULL;
                if (r)
                    ou_c_error(c, &pt->loc, "mapping pattern checks duplicate key (%s)",
                               ouro_str_utf8(r));
                else if (!ouro_err_occurred())
                    ou_c_error(c, &pt->loc, "%s", bad);
                OURO_XDECREF(r);
                OURO_XDECREF(v);
                OURO_DECREF(seen);
                return -1;
            }
            OURO_DECREF(v);
        }
    }
    OURO_DECREF(seen);
    for (int i = 0; i < n; i++)
        if (load_value(c, keys->items[i], "") < 0)
            return -1;
    c->u->loc = pt->loc;
    EMIT(OP_BUILD_TUPLE, n);
    EMIT(OP_MATCH_KEYS, 0);
    /* [subject, keys, values or None] */
    pc->on_top += 2;
    EMIT(OP_COPY, 1);
    if (ou_c_load_const(c, OURO_NONE) < 0)
        return -1;
    EMIT(OP_IS_OP, 1);
    if (jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE) < 0)
        return -1;
    EMIT(OP_UNPACK_SEQUENCE, n);
    pc->on_top += n - 1;
    for (int i = 0; i < n; i++) {
        pc->on_top--;
        if (subpattern(c, pats->items[i], pc) < 0)
            return -1;
    }
    /* [subject, keys]: both consumed from here on. */
    pc->on_top -= 2;
    if (pt->v.mapping.rest) {
        c->u->loc = pt->loc;
        EMIT(OP_COPY_DICT_WITHOUT_KEYS, 0);
        return store_name(c, pc, pt->v.mapping.rest);
    }
    EMIT(OP_POP_TOP, 0);
    EMIT(OP_POP_TOP, 0);
    return 0;
}

static int pattern_class(OuCompiler *c, const OuPattern *pt, PatCtx *pc)
{
    const OuPatternSeq *pos = &pt->v.cls.patterns, *kw = &pt->v.cls.kwd_patterns;
    const OuIdentSeq *attrs = &pt->v.cls.kwd_attrs;
    int nargs = pos->n, nkw = attrs->n;
    for (int i = 0; i < nkw; i++) {
        const OuLoc *l = &kw->items[i]->loc;
        if (strcmp(ouro_str_utf8(attrs->items[i]), "__debug__") == 0)
            return ou_c_error(c, l, "cannot assign to __debug__");
        for (int j = i + 1; j < nkw; j++)
            if (attrs->items[i] == attrs->items[j])
                return ou_c_error(c, &kw->items[j]->loc,
                                  "attribute name repeated in class pattern: %s",
                                  ouro_str_utf8(attrs->items[i]));
    }
    if (ou_c_expr(c, pt->v.cls.cls) < 0)
        return -1;
    OuroObject *names = ouro_tuple_new(nkw);
    if (!names)
        return -1;
    for (int i = 0; i < nkw; i++)
        OURO_TUPLE_SET(names, i, OURO_NEWREF(attrs->items[i]));
    int rc = ou_c_load_const(c, names);
    OURO_DECREF(names);
    if (rc < 0)
        return -1;
    c->u->loc = pt->loc;
    EMIT(OP_MATCH_CLASS, nargs);
    EMIT(OP_COPY, 1);
    if (ou_c_load_const(c, OURO_NONE) < 0)
        return -1;
    EMIT(OP_IS_OP, 1);
    pc->on_top++;
    if (jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE) < 0)
        return -1;
    EMIT(OP_UNPACK_SEQUENCE, nargs + nkw);
    pc->on_top += nargs + nkw - 1;
    for (int i = 0; i < nargs + nkw; i++) {
        const OuPattern *sub = i < nargs ? pos->items[i] : kw->items[i - nargs];
        pc->on_top--;
        if (is_wildcard(sub)) {
            EMIT(OP_POP_TOP, 0);
            continue;
        }
        if (subpattern(c, sub, pc) < 0)
            return -1;
    }
    return 0;
}

/* Reorders the n captures on top of the stack from pc's order to control's. */
static int reorder_captures(OuCompiler *c, PatCtx *pc, OuroObject **control, int n)
{
    /* Depth d+1 holds stores[d] among the alternative's captures (top: stores[0]). */
    for (int d = 0; d < n; d++) {
        int k = store_index(pc, control[d]);
        if (k == d)
            continue;
        if (swap_depths(c, d + 1, k + 1) < 0)
            return -1;
        OuroObject *t = pc->stores[d];
        pc->stores[d] = pc->stores[k];
        pc->stores[k] = t;
    }
    return 0;
}

static int pattern_or(OuCompiler *c, const OuPattern *pt, PatCtx *pc)
{
    const OuPatternSeq *alts = &pt->v.seq.patterns;
    int32_t end = ou_c_new_label(c);
    if (end < 0)
        return -1;
    PatCtx alt = { 0 };
    OuroObject **control = NULL;
    int ncontrol = 0, rc = -1;
    for (int i = 0; i < alts->n; i++) {
        const OuPattern *a = alts->items[i];
        alt.nstores = 0;
        alt.on_top = 0;
        alt.allow_irrefutable = i == alts->n - 1 && pc->allow_irrefutable;
        if (ou_c_emit(c, OP_COPY, 1) < 0 || pattern(c, a, &alt) < 0)
            goto done;
        if (i == 0) {
            ncontrol = alt.nstores;
            if (ncontrol && !(control = ouro_mem_malloc(sizeof *control * (size_t)ncontrol))) {
                ouro_err_no_memory();
                goto done;
            }
            if (ncontrol)
                memcpy(control, alt.stores, sizeof *control * (size_t)ncontrol);
        } else {
            bool same = alt.nstores == ncontrol;
            for (int j = 0; same && j < ncontrol; j++)
                same = store_index(&alt, control[j]) >= 0;
            if (!same) {
                ou_c_error(c, &c->u->loc, "alternative patterns bind different names");
                goto done;
            }
            if (reorder_captures(c, &alt, control, ncontrol) < 0)
                goto done;
        }
        if (ou_c_emit_jump(c, OP_JUMP, end) < 0 || emit_fail_pops(c, &alt) < 0)
            goto done;
    }
    /* No alternative matched: drop the subject, fail. */
    if (ou_c_emit(c, OP_POP_TOP, 0) < 0 || jump_to_fail(c, pc, OP_JUMP) < 0 ||
        ou_c_bind_label(c, end) < 0)
        goto done;
    /* [captures..., on_top..., subject, alternative's captures (control[0] on top)]:
     * move each under everything, then drop the subject. */
    int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
    for (int j = 0; j < ncontrol; j++)
        if (rotate(c, nrots) < 0 || add_store(c, pc, control[j]) < 0)
            goto done;
    rc = ou_c_emit(c, OP_POP_TOP, 0);
done:
    ouro_mem_free(control);
    ctx_free(&alt);
    return rc;
}

static int pattern(OuCompiler *c, const OuPattern *pt, PatCtx *pc)
{
    /* Like CPython, instructions and errors take the position of the pattern being
     * compiled (the last one started). */
    c->u->loc = pt->loc;
    if (++c->nesting > 3000) {   /* as expressions: bounded for the C stack */
        c->nesting--;
        ouro_err_set_string(&ouro_exc_RecursionError,
                            "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int rc = -1;
    switch (pt->kind) {
    case OU_MATCHVALUE_KIND:
        if (load_value(c, pt->v.value.value,
                       "patterns may only match literals and attribute lookups") < 0)
            break;
        c->u->loc = pt->loc;
        if (ou_c_emit(c, OP_COMPARE_OP, OURO_EQ) < 0)
            break;
        rc = jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE);
        break;
    case OU_MATCHSINGLETON_KIND:
        if (ou_c_load_const(c, pt->v.singleton.value) < 0 || ou_c_emit(c, OP_IS_OP, 0) < 0)
            break;
        rc = jump_to_fail(c, pc, OP_POP_JUMP_IF_FALSE);
        break;
    case OU_MATCHSEQUENCE_KIND: rc = pattern_sequence(c, pt, pc); break;
    case OU_MATCHMAPPING_KIND: rc = pattern_mapping(c, pt, pc); break;
    case OU_MATCHCLASS_KIND: rc = pattern_class(c, pt, pc); break;
    case OU_MATCHSTAR_KIND: rc = store_name(c, pc, pt->v.star.name); break;
    case OU_MATCHAS_KIND: rc = pattern_as(c, pt, pc); break;
    case OU_MATCHOR_KIND: rc = pattern_or(c, pt, pc); break;
    }
    c->nesting--;
    return rc;
}

/* The match statement: the subject stays on the stack while cases are tried (a copy
 * for each, but the last); a trailing `case _` after other cases needs no pattern code. */
int ou_c_match(OuCompiler *c, const OuStmt *s)
{
    const OuMatchCaseSeq *cases = &s->v.match.cases;
    int n = cases->n;
    if (ou_c_expr(c, s->v.match.subject) < 0)
        return -1;
    int32_t end = ou_c_new_label(c);
    if (end < 0)
        return -1;
    const OuMatchCase *lastc = cases->items[n - 1];
    bool has_default = n > 1 && is_wildcard(lastc->pattern);
    int ncases = n - has_default;
    for (int i = 0; i < ncases; i++) {
        const OuMatchCase *mc = cases->items[i];
        bool is_last = i == ncases - 1;
        PatCtx pc = { 0 };
        /* Irrefutable patterns must be guarded or last. */
        pc.allow_irrefutable = mc->guard != NULL || i == n - 1;
        int rc = -1;
        if ((!is_last && ou_c_emit(c, OP_COPY, 1) < 0) || pattern(c, mc->pattern, &pc) < 0)
            goto case_done;
        for (int k = 0; k < pc.nstores; k++)
            if (ou_c_nameop(c, pc.stores[k], OU_STORE) < 0)
                goto case_done;
        pc.nstores = 0;
        if (mc->guard) {
            /* A false guard fails the case with nothing left to pop. */
            pc.on_top = 0;
            int32_t l;
            if (!pc.nfail_pop) {
                if ((l = ou_c_new_label(c)) < 0 ||
                    ou_c_grow((void **)&pc.fail_pop, &pc.cap_fail_pop, 1, sizeof(int32_t)) < 0)
                    goto case_done;
                pc.fail_pop[pc.nfail_pop++] = l;
            }
            if (ou_c_jump_if(c, mc->guard, pc.fail_pop[0], 0) < 0)
                goto case_done;
        }
        if (!is_last && ou_c_emit(c, OP_POP_TOP, 0) < 0)
            goto case_done;
        if (ou_c_body(c, &mc->body) < 0 || ou_c_emit_jump(c, OP_JUMP, end) < 0)
            goto case_done;
        /* The clean-up of a failed pattern takes the pattern's position. */
        c->u->loc = mc->pattern->loc;
        rc = emit_fail_pops(c, &pc);
    case_done:
        ctx_free(&pc);
        if (rc < 0)
            return -1;
    }
    if (has_default) {
        c->u->loc = lastc->pattern->loc;
        EMIT(OP_NOP, 0);   /* the line of the default case is reached */
        if (lastc->guard && ou_c_jump_if(c, lastc->guard, end, 0) < 0)
            return -1;
        if (ou_c_body(c, &lastc->body) < 0)
            return -1;
    }
    BIND(end);
    return 0;
}
