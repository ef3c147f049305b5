// Static inline helpers for what Swift cannot do safely with libmongoc/libbson 1.23 directly.
//
// `bson_t` and `bson_iter_t` are declared 128-byte aligned: Swift imports `bson_t *` as `OpaquePointer` and
// cannot allocate these structs with the right size or alignment itself, so every struct that libmongoc fills
// in ("reply" documents, iterators, errors) is allocated here, in C. `posix_memalign`, not C11
// `aligned_alloc`: the latter requires the size to be a multiple of the alignment, and sizeof(bson_iter_t)
// is 80 here (AddressSanitizer rejects it).
#ifndef CONCIERGE_CMONGOC_SHIM_H
#define CONCIERGE_CMONGOC_SHIM_H

#include <mongoc/mongoc.h>
#include <stdlib.h>
#include <string.h>

/// Storage for an out-parameter document ("reply"): aligned, zeroed and initialised empty, so destroying it
/// is valid whether or not libmongoc wrote to it. Free with `cm_reply_free`. NULL when out of memory.
static inline bson_t *cm_reply_new(void) {
    void *storage = NULL;
    if (posix_memalign(&storage, 128, sizeof(bson_t)) != 0) {
        return NULL;
    }
    bson_t *reply = (bson_t *) storage;
    memset(reply, 0, sizeof(bson_t));
    bson_init(reply);
    return reply;
}

/// Destroys what libmongoc put in `reply` and releases the storage itself.
static inline void cm_reply_free(bson_t *reply) {
    if (reply != NULL) {
        bson_destroy(reply);
        free(reply);
    }
}

/// A zeroed `bson_error_t` (8-byte aligned, 512 bytes). Free with `cm_error_free`.
static inline bson_error_t *cm_error_new(void) {
    return (bson_error_t *) calloc(1, sizeof(bson_error_t));
}

static inline void cm_error_free(bson_error_t *error) { free(error); }

static inline uint32_t cm_error_domain(const bson_error_t *error) { return error->domain; }

static inline uint32_t cm_error_code(const bson_error_t *error) { return error->code; }

/// The NUL-terminated message (it may quote server text: never put it in user-visible errors).
static inline const char *cm_error_message(const bson_error_t *error) { return error->message; }

/// Zeroed, aligned storage for one iterator; initialise it with `bson_iter_init` or `bson_iter_recurse`.
/// Free with `cm_iter_free`. NULL when out of memory.
static inline bson_iter_t *cm_iter_new(void) {
    void *storage = NULL;
    if (posix_memalign(&storage, 128, sizeof(bson_iter_t)) != 0) {
        return NULL;
    }
    memset(storage, 0, sizeof(bson_iter_t));
    return (bson_iter_t *) storage;
}

static inline void cm_iter_free(bson_iter_t *iter) { free(iter); }

#endif
