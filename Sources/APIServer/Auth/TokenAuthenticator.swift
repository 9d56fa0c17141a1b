import Foundation
import HTTPServer

/// Authenticates requests by the bearer token in their `Authorization` header, against a token file.
public struct TokenAuthenticator: Sendable {
    public enum Outcome: Equatable, Sendable {
        /// The token names a user; `system:authenticated` is among its groups.
        case authenticated(UserInfo)
        /// No bearer token was sent.
        case anonymous
        /// A bearer token was sent but names no user.
        case invalid
    }

    private let tokens: TokenFile

    public init(tokens: TokenFile) { self.tokens = tokens }

    public func authenticate(_ request: HTTPRequest) -> Outcome {
        guard let token = Self.bearerToken(request.header("authorization")) else { return .anonymous }
        guard var user = tokens.users[token] else { return .invalid }
        if !user.groups.contains(UserInfo.authenticatedGroup) { user.groups.append(UserInfo.authenticatedGroup) }
        return .authenticated(user)
    }

    /// The token of `Bearer <token>` (the scheme is case-insensitive); nil for another scheme or none.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
