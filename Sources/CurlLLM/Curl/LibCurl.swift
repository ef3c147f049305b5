import CCurl
import ConciergeCore

/// Process-wide libcurl state and the mapping from its error codes to transport kinds.
enum LibCurl {
    /// `curl_global_init` runs exactly once, before the first easy handle: it is not thread-safe, and a `static
    /// let` initialiser runs once under the runtime's lock. `curl_global_cleanup` never runs: libcurl lives as
    /// long as the process. False if initialisation failed (every attempt then fails as `.other`).
    static let isInitialized: Bool = concierge_curl_global_init() == CURLE_OK

    /// The transport kind of a failed transfer.
    static func kind(of code: CURLcode) -> LLMTransportErrorKind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timeout
        case CURLE_COULDNT_CONNECT: .refused
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR: .reset
        case CURLE_PARTIAL_FILE: .truncated
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .unresolvedHost
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE:
            .tls
        case CURLE_ABORTED_BY_CALLBACK: .cancelled
        default: .other
        }
    }
}

/// A libcurl call that failed while setting up a transfer (an option refused, out of memory).
struct CurlSetupError: Error {
    let code: CURLcode
}
