#ifndef CONCIERGE_CCURL_SHIM_H
#define CONCIERGE_CCURL_SHIM_H

#include <curl/curl.h>

// `curl_easy_setopt` and `curl_easy_getinfo` are variadic, which Swift cannot call: one typed wrapper per
// argument kind. Only CurlLLM imports this module.

/// Options taking a `long` (timeouts, flags, sizes).
static inline CURLcode concierge_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options taking a C string; libcurl copies it (except `CURLOPT_POSTFIELDS`, which is not set through here).
static inline CURLcode concierge_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options taking an opaque pointer: the callbacks' user data, `CURLOPT_POSTFIELDS`.
static inline CURLcode concierge_curl_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// `CURLOPT_HTTPHEADER`: the list must outlive the transfer; its owner frees it after `curl_easy_cleanup`.
static inline CURLcode concierge_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

/// `CURLOPT_WRITEFUNCTION` and `CURLOPT_HEADERFUNCTION` (same signature).
static inline CURLcode concierge_curl_setopt_write_callback(CURL *handle, CURLoption option,
                                                            curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/// `CURLOPT_XFERINFOFUNCTION`: called while a transfer runs; a non-zero return aborts it (cancellation).
static inline CURLcode concierge_curl_setopt_xferinfo_callback(CURL *handle, curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

/// `CURLINFO_RESPONSE_CODE` and other `long` infos.
static inline CURLcode concierge_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// `CURL_GLOBAL_ALL` is a macro expression Swift does not import.
static inline CURLcode concierge_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

#endif
