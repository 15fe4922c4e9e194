#include <lmdb.h>
#include <stdint.h>
#include <string.h>

/// The order LMDB's default comparison gives (memcmp over the shorter length, then the
/// shorter first), computed for the 8- and 16-byte big-endian ids of Parley's indexes by
/// integer compares instead of a memcmp call. The same order, so a database written with
/// either comparison reads correctly with the other (and with LMDB's own tools).
static inline int parley_compare_big_endian(const MDB_val *a, const MDB_val *b) {
    if (a->mv_size == b->mv_size) {
        uint64_t x, y;
        if (a->mv_size == 8 || a->mv_size == 16) {
            memcpy(&x, a->mv_data, 8);
            memcpy(&y, b->mv_data, 8);
            x = __builtin_bswap64(x);
            y = __builtin_bswap64(y);
            if (x != y || a->mv_size == 8) return x < y ? -1 : (x > y ? 1 : 0);
            memcpy(&x, (const char *)a->mv_data + 8, 8);
            memcpy(&y, (const char *)b->mv_data + 8, 8);
            x = __builtin_bswap64(x);
            y = __builtin_bswap64(y);
            return x < y ? -1 : (x > y ? 1 : 0);
        }
    }
    size_t n = a->mv_size < b->mv_size ? a->mv_size : b->mv_size;
    int order = n == 0 ? 0 : memcmp(a->mv_data, b->mv_data, n);
    if (order != 0) return order;
    return a->mv_size < b->mv_size ? -1 : (a->mv_size > b->mv_size ? 1 : 0);
}
