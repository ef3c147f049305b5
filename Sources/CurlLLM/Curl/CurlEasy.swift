import CCurl

/// One easy handle and its header list, owned by exactly one transfer.
///
/// `~Copyable` instead of a class with `close()`: the handle lives for one synchronous call on one pool thread,
/// the compiler guarantees it has a single owner, and `deinit` frees both C objects on every path out of that
/// call, thrown errors included, so there is no `close()` to forget.
struct CurlEasy: ~Copyable {
    private let handle: UnsafeMutableRawPointer
    /// Referenced by the handle (`CURLOPT_HTTPHEADER`) until `curl_easy_cleanup`.
    private var headers: UnsafeMutablePointer<curl_slist>?

    init() throws {
        guard LibCurl.isInitialized, let handle = curl_easy_init() else {
            throw CurlSetupError(code: CURLE_FAILED_INIT)
        }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)  // first: it may still point at the header list
        curl_slist_free_all(headers)
    }

    func set(_ option: CURLoption, _ value: Int) throws {
        try check(concierge_curl_setopt_long(handle, option, value))
    }

    /// libcurl copies string options, so `value` need not outlive the call.
    func set(_ option: CURLoption, _ value: String) throws {
        try check(concierge_curl_setopt_string(handle, option, value))
    }

    /// The caller keeps `pointer` valid until `perform` returns.
    func set(_ option: CURLoption, pointer: UnsafeRawPointer?) throws {
        try check(concierge_curl_setopt_pointer(handle, option, pointer))
    }

    func set(_ option: CURLoption, callback: curl_write_callback) throws {
        try check(concierge_curl_setopt_write_callback(handle, option, callback))
    }

    func setProgress(callback: curl_xferinfo_callback) throws {
        try check(concierge_curl_setopt_xferinfo_callback(handle, callback))
    }

    /// Replaces the request headers. The list is owned here and freed in `deinit`.
    mutating func setHeaders(_ lines: [String]) throws {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let longer = curl_slist_append(list, line) else {
                curl_slist_free_all(list)  // on failure the old list is intact and still ours
                throw CurlSetupError(code: CURLE_OUT_OF_MEMORY)
            }
            list = longer
        }
        curl_slist_free_all(headers)
        headers = list
        try check(concierge_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list))
    }

    /// Runs the transfer; blocks until it ends (call on a pool thread only).
    func perform() -> CURLcode {
        curl_easy_perform(handle)
    }

    /// The last response's status code, 0 if none was received.
    func responseCode() -> Int {
        var code = 0
        guard concierge_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK else { return 0 }
        return code
    }

    private func check(_ code: CURLcode) throws {
        guard code == CURLE_OK else { throw CurlSetupError(code: code) }
    }
}
