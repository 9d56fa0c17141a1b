/// Why a PATCH body could not be used.
///
/// `malformed`: the patch document itself is wrong (not a list of operations, unknown `op` or `$patch`
/// directive) → 400 BadRequest. `cannotApply`: a well-formed patch does not fit the object (a missing path,
/// a failed `test`) → 422, as the API server answers JSON-patch application failures.
public enum PatchError: Error, Sendable, Equatable {
    case malformed(String)
    case cannotApply(String)

    public var statusError: StatusError {
        switch self {
        case .malformed(let message): return .badRequest(message)
        case .cannotApply(let message): return StatusError(code: 422, reason: "Invalid", message: message)
        }
    }
}
