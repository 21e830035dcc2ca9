/* examples/embed.c — embedding libouro from C: objects freed the moment their last
 * reference goes. Built and run by `make test` against libouro.so with only the public
 * header, so it also checks that the installed API is complete. */
#include <ouro.h>
#include <stdio.h>

int main(void)
{
    OuroRuntime *rt = ouro_runtime_new();
    if (!rt)
        return 1;
    OuroObject *list = ouro_list_new(0);
    for (int i = 0; i < 3; i++) {
        OuroObject *n = ouro_int_from_int64(i * 1000);
        ouro_list_append(list, n); /* the list takes its own reference */
        OURO_DECREF(n);
    }
    OuroObject *key = ouro_str_from_cstr("numbers");
    OuroObject *d = ouro_dict_new();
    ouro_dict_set_item(d, key, list);
    OURO_DECREF(list); /* the dict keeps it alive */
    OURO_DECREF(key);

    OuroObject *r = ouro_object_repr(d);
    printf("%s\n", ouro_str_utf8(r));
    OURO_DECREF(r);

    OuroMemStats st;
    ouro_mem_stats(&st);
    printf("blocks in use before the last DECREF: %s\n", st.bytes_in_use ? "yes" : "no");
    OURO_DECREF(d); /* dict, list and the ints go now */

    OuroObject *big = ouro_int_from_string("123456789012345678901234567890", 30, 10);
    OuroObject *sq = ouro_number_multiply(big, big);
    r = ouro_object_str(sq);
    printf("%s\n", ouro_str_utf8(r));
    OURO_DECREF(r);
    OURO_DECREF(sq);
    OURO_DECREF(big);

    if (!ouro_dict_get_item_with_error(d = ouro_dict_new(), OURO_NONE) && !ouro_err_occurred())
        printf("missing key: no exception, as documented\n");
    OuroObject *nokey = ouro_object_getitem(d, OURO_NONE);
    if (!nokey && ouro_err_matches(&ouro_exc_KeyError)) {
        printf("KeyError raised\n");
        ouro_err_clear();
    }
    OURO_DECREF(d);
    printf("leaked bytes: %llu\n", (unsigned long long)ouro_runtime_free(rt));
    return 0;
}
