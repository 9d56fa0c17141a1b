import APIMachinery
import Foundation
import HTTPServer
import Testing
@testable import APIServer

@Suite struct TokenFileTests {
    @Test func parsesUsersWithQuotedGroups() throws {
        let file = try TokenFile(contents: """
            # token,user,uid,groups
            admin-token,admin,1,system:masters
            alice-token, alice ,1001,"dev, ops"

            bob-token,bob,1002
            carol-token,carol,1003,"say ""hi"",x"\r
            """)
        #expect(file.users["admin-token"] == UserInfo(name: "admin", uid: "1", groups: ["system:masters"]))
        #expect(file.users["alice-token"] == UserInfo(name: "alice ", uid: "1001", groups: ["dev", "ops"]))
        #expect(file.users["bob-token"] == UserInfo(name: "bob", uid: "1002", groups: []))
        #expect(file.users["carol-token"]?.groups == ["say \"hi\"", "x"])
        #expect(file.users.count == 4)
    }

    @Test(arguments: [
        ("a,b\n", 1, "must have at least 3 columns (token, user name, user uid), found 2"),
        ("ok,u,1\n,u2,2\n", 2, "empty token"),
        ("t,,1\n", 1, "empty user name"),
        ("t,u,1\nt,v,2\n", 2, "duplicate token"),
        ("t,u,1,\"open\n", 1, "unterminated quoted field"),
        ("t,u,1,\"g\"x\n", 1, "unexpected text after a quoted field"),
        ("t,u\"x,1\n", 1, "bare \" in a non-quoted field"),
    ])
    func refusesMalformedFiles(contents: String, line: Int, message: String) {
        #expect(throws: TokenFile.ParseError(line: line, message: message)) { try TokenFile(contents: contents) }
    }

    @Test func authenticatesBearerTokensOnly() throws {
        let authenticator = TokenAuthenticator(tokens: try TokenFile(contents: "secret,alice,1,dev\n"))
        func outcome(_ header: String?) -> TokenAuthenticator.Outcome {
            authenticator.authenticate(HTTPRequest(method: "GET", path: "/api", headers: header.map { ["authorization": $0] } ?? [:]))
        }
        #expect(outcome("Bearer secret") == .authenticated(UserInfo(name: "alice", uid: "1", groups: ["dev", "system:authenticated"])))
        #expect(outcome("bearer  secret") == .authenticated(UserInfo(name: "alice", uid: "1", groups: ["dev", "system:authenticated"])))
        #expect(outcome("Bearer wrong") == .invalid)
        #expect(outcome("Basic c2VjcmV0") == .anonymous)
        #expect(outcome(nil) == .anonymous)
    }
}

@Suite struct PolicyRuleTests {
    static let listSets = RequestAttributes(verb: "list", apiGroup: "apps", resource: "statefulsets", namespace: "default")
    static let scaleWeb = RequestAttributes(verb: "update", apiGroup: "apps", resource: "statefulsets", subresource: "scale",
                                            namespace: "default", name: "web")

    @Test(arguments: [
        (PolicyRule(verbs: ["list"], apiGroups: ["apps"], resources: ["statefulsets"]), listSets, true),
        (PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), listSets, true),
        (PolicyRule(verbs: ["get"], apiGroups: ["apps"], resources: ["statefulsets"]), listSets, false),
        (PolicyRule(verbs: ["list"], apiGroups: [""], resources: ["statefulsets"]), listSets, false),
        (PolicyRule(verbs: ["list"], apiGroups: ["apps"], resources: ["deployments"]), listSets, false),
        (PolicyRule(verbs: ["list"], apiGroups: ["apps"], resources: ["statefulsets"], resourceNames: ["web"]), listSets, false),
        (PolicyRule(verbs: ["update"], apiGroups: ["apps"], resources: ["statefulsets"]), scaleWeb, false),
        (PolicyRule(verbs: ["update"], apiGroups: ["apps"], resources: ["statefulsets/scale"]), scaleWeb, true),
        (PolicyRule(verbs: ["update"], apiGroups: ["apps"], resources: ["*/scale"]), scaleWeb, true),
        (PolicyRule(verbs: ["update"], apiGroups: ["apps"], resources: ["*/status"]), scaleWeb, false),
        (PolicyRule(verbs: ["update"], apiGroups: ["apps"], resources: ["statefulsets/scale"], resourceNames: ["web"]), scaleWeb, true),
        (PolicyRule(verbs: ["update"], apiGroups: ["apps"], resources: ["statefulsets/scale"], resourceNames: ["db"]), scaleWeb, false),
        (PolicyRule(verbs: ["get"], nonResourceURLs: ["/apis", "/apis/*"]), RequestAttributes(verb: "get", path: "/apis/apps/v1"), true),
        (PolicyRule(verbs: ["get"], nonResourceURLs: ["/apis"]), RequestAttributes(verb: "get", path: "/apis/apps"), false),
        (PolicyRule(verbs: ["get"], nonResourceURLs: ["*"]), RequestAttributes(verb: "post", path: "/version"), false),
        (PolicyRule(verbs: ["get"], apiGroups: ["*"], resources: ["*"]), RequestAttributes(verb: "get", path: "/version"), false),
        (PolicyRule(verbs: ["get"], nonResourceURLs: ["*"]), RequestAttributes(verb: "get", apiGroup: "", resource: "pods"), false),
    ])
    func matches(rule: PolicyRule, request: RequestAttributes, allowed: Bool) {
        #expect(rule.allows(request) == allowed)
    }

    @Test(arguments: [
        ("GET", "/apis/apps/v1/namespaces/default/statefulsets", [], RequestAttributes(verb: "list", apiGroup: "apps", resource: "statefulsets", namespace: "default")),
        ("GET", "/apis/apps/v1/statefulsets", [("watch", "true")], RequestAttributes(verb: "watch", apiGroup: "apps", resource: "statefulsets")),
        ("GET", "/api/v1/namespaces/default/pods/web-0", [], RequestAttributes(verb: "get", apiGroup: "", resource: "pods", namespace: "default", name: "web-0")),
        ("PUT", "/apis/apps/v1/namespaces/ns/statefulsets/web/scale", [], RequestAttributes(verb: "update", apiGroup: "apps", resource: "statefulsets", subresource: "scale", namespace: "ns", name: "web")),
        ("DELETE", "/api/v1/namespaces/default/pods", [], RequestAttributes(verb: "deletecollection", apiGroup: "", resource: "pods", namespace: "default")),
        ("PATCH", "/api/v1/namespaces/team", [], RequestAttributes(verb: "patch", apiGroup: "", resource: "namespaces", namespace: "team", name: "team")),
        ("POST", "/api/v1/namespaces", [], RequestAttributes(verb: "create", apiGroup: "", resource: "namespaces")),
        ("GET", "/apis/apps", [], RequestAttributes(verb: "get", path: "/apis/apps")),
    ] as [(String, String, [(String, String)], RequestAttributes)])
    func readsRequestAttributes(method: String, path: String, query: [(String, String)], expected: RequestAttributes) {
        var attributes = RequestAttributes(HTTPRequest(method: method, path: path, query: query.map { (name: $0.0, value: $0.1) }))
        if attributes.isResourceRequest { attributes.path = "" }
        #expect(attributes == expected)
    }
}

@Suite struct RBACTests {
    static let alice = UserInfo(name: "alice", groups: ["system:authenticated"])

    @Test func bindingsGrantRolesInTheirNamespaceOrEverywhere() throws {
        let cluster = try TestCluster()
        try cluster.server.bootstrapRBAC()
        let cache = RBACCache(store: cluster.store)
        try cache.start()
        defer { cache.stop() }
        let authorizer = RBACAuthorizer(cache: cache)
        let listInDefault = RequestAttributes(verb: "list", apiGroup: "apps", resource: "statefulsets", namespace: "default")
        let listInOther = RequestAttributes(verb: "list", apiGroup: "apps", resource: "statefulsets", namespace: "other")
        #expect(!authorizer.allows(Self.alice, listInDefault))
        #expect(authorizer.allows(UserInfo(name: "root", groups: ["system:masters"]), listInOther))
        #expect(authorizer.allows(Self.alice, RequestAttributes(verb: "get", path: "/apis/apps/v1")))

        let rbac = "/apis/rbac.authorization.k8s.io/v1"
        let role: JSON = ["metadata": ["name": "sts-reader"],
                          "rules": [["apiGroups": ["apps"], "resources": ["statefulsets"], "verbs": ["get", "list"]]]]
        #expect(cluster.send("POST", "\(rbac)/namespaces/default/roles", role).status == 201)
        let binding: JSON = ["metadata": ["name": "alice-reads"],
                             "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "sts-reader"],
                             "subjects": [["kind": "User", "name": "alice"]]]
        let created = cluster.send("POST", "\(rbac)/namespaces/default/rolebindings", binding)
        #expect(created.status == 201)
        #expect(created.body["subjects"].arrayValue?.first?["apiGroup"] == "rbac.authorization.k8s.io")
        #expect(eventually { authorizer.allows(Self.alice, listInDefault) })
        #expect(!authorizer.allows(Self.alice, listInOther))

        let clusterBinding: JSON = ["metadata": ["name": "alice-views"],
                                    "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "view"],
                                    "subjects": [["kind": "Group", "name": "system:authenticated"]]]
        #expect(cluster.send("POST", "\(rbac)/clusterrolebindings", clusterBinding).status == 201)
        #expect(eventually { authorizer.allows(Self.alice, listInOther) })

        #expect(cluster.send("DELETE", "\(rbac)/clusterrolebindings/alice-views").status == 200)
        #expect(eventually { !authorizer.allows(Self.alice, listInOther) })
    }

    @Test(arguments: [
        ("roles", ["metadata": ["name": "r"], "rules": [["verbs": ["get"], "nonResourceURLs": ["/x"]]]] as JSON,
         "rules[0].nonResourceURLs"),
        ("roles", ["metadata": ["name": "r"], "rules": [["apiGroups": [""], "resources": ["pods"]]]] as JSON, "rules[0].verbs"),
        ("roles", ["metadata": ["name": "r"], "rules": [["verbs": ["get"], "resources": ["pods"]]]] as JSON, "rules[0].apiGroups"),
        ("rolebindings", ["metadata": ["name": "b"], "roleRef": ["kind": "Secret", "name": "x"]] as JSON, "roleRef.kind"),
        ("rolebindings", ["metadata": ["name": "b"], "roleRef": ["kind": "Role", "name": "x"],
                          "subjects": [["kind": "Robot", "name": "r2"]]] as JSON, "subjects[0].kind"),
    ])
    func refusesInvalidObjects(resource: String, object: JSON, field: String) throws {
        let cluster = try TestCluster()
        let response = cluster.send("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/\(resource)", object)
        #expect(response.status == 422)
        #expect(response.body["details"]["causes"].arrayValue?.first?["field"] == .string(field))
    }

    @Test func roleRefCannotChange() throws {
        let cluster = try TestCluster()
        let path = "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings"
        let binding: JSON = ["metadata": ["name": "b"], "roleRef": ["kind": "ClusterRole", "name": "view"]]
        #expect(cluster.send("POST", path, binding).status == 201)
        let patched = cluster.send("PATCH", "\(path)/b", ["roleRef": ["name": "edit"]], contentType: "application/merge-patch+json")
        #expect(patched.status == 422)
        #expect(patched.body["message"].stringValue?.contains("cannot change roleRef") == true)
    }

    @Test func guardAnswers401And403LikeKubeAPIServer() throws {
        let cluster = try TestCluster()
        try cluster.server.bootstrapRBAC()
        let cache = RBACCache(store: cluster.store)
        try cache.start()
        defer { cache.stop() }
        let tokens = try TokenFile(contents: "alice-token,alice,1\nroot-token,root,0,system:masters\n")
        let guarded = RequestGuard(cluster.server, authenticator: TokenAuthenticator(tokens: tokens), authorizer: RBACAuthorizer(cache: cache))
        func send(_ path: String, token: String?) -> (Int, JSON) {
            let response = guarded.respond(to: HTTPRequest(method: "GET", path: path,
                                                           headers: token.map { ["authorization": "Bearer \($0)"] } ?? [:]))
            return (response.status, (try? JSON.parse(response.bodyBytes ?? [])) ?? .null)
        }
        let sets = "/apis/apps/v1/namespaces/default/statefulsets"
        #expect(send(sets, token: nil).0 == 401)
        #expect(send(sets, token: "nope").1["reason"] == "Unauthorized")
        #expect(send("/healthz", token: nil).0 == 200)
        #expect(send("/readyz/ping", token: nil).0 == 200)
        #expect(send(sets, token: "root-token").0 == 200)
        let forbidden = send(sets, token: "alice-token")
        #expect(forbidden.0 == 403)
        #expect(forbidden.1["message"] == #"statefulsets.apps is forbidden: User "alice" cannot list resource "statefulsets" in API group "apps" in the namespace "default""#)
        #expect(forbidden.1["details"]["kind"] == "statefulsets")
        #expect(send("/api/v1/nodes/n1", token: "alice-token").1["message"] == #"nodes "n1" is forbidden: User "alice" cannot get resource "nodes" in API group "" at the cluster scope"#)
        #expect(send("/apis", token: "alice-token").0 == 200)
        #expect(send("/metrics", token: "alice-token").1["message"] == #"forbidden: User "alice" cannot get path "/metrics""#)
    }
}

/// Polls `condition` for up to two seconds: the RBAC cache follows the store's watch.
private func eventually(_ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(2)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return condition()
}
