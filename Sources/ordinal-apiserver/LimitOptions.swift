import APIServer
import ArgumentParser
import Foundation
import HTTPServer

/// The flags that bound what clients can ask of the server. Past each limit a client gets a Status error
/// (or libmicrohttpd's 431 for an oversized head) and the server keeps serving everyone else.
struct LimitOptions: ParsableArguments {
    @Option(help: "Largest request body in bytes; a larger one is answered 413 RequestEntityTooLarge.")
    var maxRequestBodyBytes = 3 * 1024 * 1024

    @Option(help: "Largest request line plus headers in bytes; a larger one is answered 431.")
    var maxHeaderBytes = 64 * 1024

    @Option(help: "Open connections served at once; one more is answered 429 TooManyRequests (Retry-After: 1) and closed.")
    var maxConnections = 4096

    @Option(help: "Seconds a connection may stay silent (mid-request or between requests) before it is closed; watches are exempt.")
    var idleTimeoutSeconds = 60

    @Option(help: "Watches open at once; one more is answered 429 TooManyRequests (Retry-After: 1).")
    var maxWatches = 2048

    @Option(help: "Largest list page; a larger limit= is lowered to it and the rest comes through continue.")
    var maxListLimit = 10_000

    func validate() throws {
        let values = [("--max-request-body-bytes", maxRequestBodyBytes), ("--max-header-bytes", maxHeaderBytes),
                      ("--max-connections", maxConnections), ("--idle-timeout-seconds", idleTimeoutSeconds),
                      ("--max-watches", maxWatches), ("--max-list-limit", maxListLimit)]
        for (flag, value) in values where value <= 0 {
            throw ValidationError("\(flag) must be positive, got \(value)")
        }
        if maxHeaderBytes < 4096 { throw ValidationError("--max-header-bytes must be at least 4096") }
    }

    /// The HTTP layer's share of the limits.
    var httpConfiguration: HTTPServer.Configuration {
        HTTPServer.Configuration(maxBodyBytes: maxRequestBodyBytes, connectionLimit: maxConnections,
                                 idleTimeoutSeconds: idleTimeoutSeconds, maxHeaderBytes: maxHeaderBytes)
    }

    /// Raises the soft limit on open files, if it is lower, to what `maxConnections` (plus the overflow told
    /// 429, the store and some slack) needs, as far as the hard limit allows. Returns a warning when the hard
    /// limit is too low.
    func raiseOpenFileLimit() -> String? {
        let wanted = rlim_t(maxConnections + max(16, maxConnections / 8) + 256)
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < wanted else { return nil }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        guard limit.rlim_cur < wanted else { return nil }
        return "open-file limit \(limit.rlim_cur) is below what --max-connections \(maxConnections) needs (\(wanted))"
    }

    /// The API layer's share of the limits.
    var apiLimits: APIServer.Limits {
        APIServer.Limits(maxWatches: maxWatches, maxListLimit: maxListLimit)
    }
}
