import Testing
import APIMachinery
import KubeClient
@testable import Controllers

private func service(headless: Bool = true, publishNotReady: Bool = false, targetPort: JSON = "web") -> JSON {
    var spec: JSON = ["selector": ["app": "nginx"], "clusterIP": headless ? "None" : "10.96.0.10",
                      "ports": [["name": "web", "port": 80, "protocol": "TCP", "targetPort": targetPort]]]
    if publishNotReady { spec["publishNotReadyAddresses"] = true }
    return ["apiVersion": "v1", "kind": "Service",
            "metadata": ["name": "nginx", "namespace": "default", "uid": "svc-uid", "labels": ["app": "nginx"]],
            "spec": spec]
}

private func pod(_ name: String, ip: String?, ready: Bool = true, subdomain: String = "nginx", app: String = "nginx",
                 phase: String = "Running", terminating: Bool = false, containerPort: Int64 = 8080) -> JSON {
    var pod: JSON = [
        "metadata": ["name": .string(name), "namespace": "default", "uid": .string("uid-\(name)"), "labels": ["app": .string(app)]],
        "spec": ["hostname": .string(name), "subdomain": .string(subdomain), "nodeName": "node-1",
                 "containers": [["name": "nginx", "ports": [["name": "web", "containerPort": .int(containerPort), "protocol": "TCP"]]]]],
        "status": ["phase": .string(phase),
                   "conditions": [["type": "Ready", "status": ready ? "True" : "False"]]],
    ]
    if let ip { pod["status"]["podIP"] = .string(ip) }
    if terminating { pod["metadata"]["deletionTimestamp"] = "2025-01-01T00:00:00Z" }
    return pod
}

private func address(_ name: String, ip: String, hostname: Bool = true) -> JSON {
    var address: JSON = ["ip": .string(ip)]
    if hostname { address["hostname"] = .string(name) }
    address["nodeName"] = "node-1"
    address["targetRef"] = ["kind": "Pod", "namespace": "default", "name": .string(name), "uid": .string("uid-\(name)")]
    return address
}

/// The Endpoints and slice bodies of the create/update actions in `actions`.
private func written(_ actions: [ControllerAction]) -> (endpoints: JSON?, slice: JSON?) {
    var result: (endpoints: JSON?, slice: JSON?) = (nil, nil)
    for action in actions {
        switch action {
        case .create(.endpoints, let object), .update(.endpoints, let object): result.endpoints = object
        case .create(.endpointSlices, let object), .update(.endpointSlices, let object): result.slice = object
        default: break
        }
    }
    return result
}

@Suite struct EndpointsReconcilerTests {
    let pods = [
        pod("web-1", ip: "10.0.0.12", ready: false),
        pod("web-0", ip: "10.0.0.9"),
        pod("other", ip: "10.0.0.20", subdomain: "elsewhere"),
        pod("stranger", ip: "10.0.0.30", app: "db"),
        pod("pending", ip: nil),
        pod("done", ip: "10.0.0.40", phase: "Succeeded"),
    ]

    @Test func readyAndNotReadyPodsWithHostnamesForTheMatchingSubdomainOnly() throws {
        let actions = EndpointsReconciler.plan(service: service(), pods: pods, currentEndpoints: nil, currentSlices: [])
        let endpoints = try #require(written(actions).endpoints)
        #expect(actions.first.map { if case .create(.endpoints, _) = $0 { true } else { false } } == true)
        #expect(endpoints["metadata"]["labels"] == ["app": "nginx", "endpoints.kubernetes.io/managed-by": "endpoint-controller",
                                                     "service.kubernetes.io/headless": ""])
        #expect(endpoints["subsets"] == [[
            "addresses": [address("web-0", ip: "10.0.0.9"), address("other", ip: "10.0.0.20", hostname: false)],
            "notReadyAddresses": [address("web-1", ip: "10.0.0.12")],
            "ports": [["name": "web", "port": 8080, "protocol": "TCP"]],
        ]])
    }

    @Test func publishNotReadyAddressesListsEveryPodAsReady() throws {
        let actions = EndpointsReconciler.plan(service: service(publishNotReady: true),
                                               pods: pods + [pod("web-2", ip: "10.0.0.13", terminating: true)],
                                               currentEndpoints: nil, currentSlices: [])
        let (endpoints, slice) = written(actions)
        let ips = try #require(endpoints)["subsets"].arrayValue?.first?["addresses"].arrayValue?.compactMap { $0["ip"].stringValue }
        #expect(ips == ["10.0.0.9", "10.0.0.12", "10.0.0.13", "10.0.0.20"])
        #expect(endpoints?["subsets"].arrayValue?.first?["notReadyAddresses"] == .null)
        let conditions = try #require(slice)["endpoints"].arrayValue?.map { $0["conditions"]["ready"] }
        #expect(conditions == [true, true, true, true])
    }

    @Test func terminatingPodsLeaveEndpointsButStayInTheSliceAsNotReady() throws {
        let actions = EndpointsReconciler.plan(service: service(), pods: [pod("web-0", ip: "10.0.0.9", terminating: true)],
                                               currentEndpoints: nil, currentSlices: [])
        let (endpoints, slice) = written(actions)
        #expect(try #require(endpoints)["subsets"] == [])
        #expect(try #require(slice)["endpoints"].arrayValue?.first?["conditions"] == ["ready": false, "serving": true, "terminating": true])
    }

    @Test(arguments: [(JSON("web"), Int64(8080)), (JSON(9090), Int64(9090))])
    func targetPortsResolveByNameOrNumber(targetPort: JSON, expected: Int64) throws {
        let actions = EndpointsReconciler.plan(service: service(targetPort: targetPort), pods: [pod("web-0", ip: "10.0.0.9")],
                                               currentEndpoints: nil, currentSlices: [])
        let (endpoints, slice) = written(actions)
        #expect(try #require(endpoints)["subsets"].arrayValue?.first?["ports"] == [["name": "web", "port": .int(expected), "protocol": "TCP"]])
        #expect(try #require(slice)["ports"] == [["name": "web", "port": .int(expected), "protocol": "TCP"]])
    }

    @Test func aPodWithoutTheNamedPortIsLeftOut() throws {
        var unnamed = pod("web-0", ip: "10.0.0.9")
        unnamed["spec"]["containers"] = [["name": "nginx"]]
        let actions = EndpointsReconciler.plan(service: service(), pods: [unnamed], currentEndpoints: nil, currentSlices: [])
        #expect(try #require(written(actions).endpoints)["subsets"] == [])
    }

    @Test func createsTheSliceOwnedByTheService() throws {
        let actions = EndpointsReconciler.plan(service: service(), pods: pods, currentEndpoints: nil, currentSlices: [])
        let slice = try #require(written(actions).slice)
        #expect(slice["metadata"]["generateName"] == "nginx-")
        #expect(slice["metadata"]["ownerReferences"] == [["apiVersion": "v1", "kind": "Service", "name": "nginx", "uid": "svc-uid",
                                                          "controller": true, "blockOwnerDeletion": true]])
        #expect(slice["metadata"]["labels"] == [
            "app": "nginx", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
            "kubernetes.io/service-name": "nginx", "service.kubernetes.io/headless": "",
        ])
        #expect(slice["addressType"] == "IPv4")
        #expect(slice["endpoints"].arrayValue?.first == [
            "addresses": ["10.0.0.9"], "conditions": ["ready": true, "serving": true, "terminating": false],
            "hostname": "web-0", "nodeName": "node-1",
            "targetRef": ["kind": "Pod", "namespace": "default", "name": "web-0", "uid": "uid-web-0"],
        ])
        #expect(slice["endpoints"].arrayValue?.count == 3)
    }

    @Test func nothingToWriteWhenUpToDateWhateverTheOrder() throws {
        let first = written(EndpointsReconciler.plan(service: service(), pods: pods, currentEndpoints: nil, currentSlices: []))
        var endpoints = try #require(first.endpoints), slice = try #require(first.slice)
        endpoints["metadata"]["resourceVersion"] = "5"
        slice["metadata"]["name"] = "nginx-abcde"
        slice["metadata"]["labels"] = JSON(stringMap: slice.labels)
        slice["endpoints"] = .array(slice["endpoints"].arrayValue!.reversed())
        let again = EndpointsReconciler.plan(service: service(), pods: pods.reversed(), currentEndpoints: endpoints, currentSlices: [slice])
        #expect(again.isEmpty)
    }

    @Test func updatesTheExistingSliceAndEndpointsWhenPodsChange() throws {
        let first = written(EndpointsReconciler.plan(service: service(), pods: pods, currentEndpoints: nil, currentSlices: []))
        var slice = try #require(first.slice)
        slice["metadata"]["name"] = "nginx-abcde"
        slice["metadata"]["resourceVersion"] = "9"
        let changed = pods + [pod("web-2", ip: "10.0.0.13")]
        let actions = EndpointsReconciler.plan(service: service(), pods: changed, currentEndpoints: first.endpoints, currentSlices: [slice])
        #expect(actions.count == 2)
        guard case .update(.endpointSlices, let updated) = actions.last else { Issue.record("expected a slice update"); return }
        #expect(updated.name == "nginx-abcde" && updated.resourceVersion == "9")
        #expect(updated["endpoints"].arrayValue?.count == 4)
        guard case .update(.endpoints, let endpoints) = actions.first else { Issue.record("expected an endpoints update"); return }
        #expect(endpoints["subsets"].arrayValue?.first?["addresses"].arrayValue?.count == 3)
    }

    @Test func extraManagedSlicesAreDeleted() throws {
        let first = written(EndpointsReconciler.plan(service: service(), pods: pods, currentEndpoints: nil, currentSlices: []))
        var kept = try #require(first.slice), extra = kept
        kept["metadata"]["name"] = "nginx-aaaaa"
        extra["metadata"]["name"] = "nginx-bbbbb"
        extra["metadata"]["uid"] = "extra-uid"
        let actions = EndpointsReconciler.plan(service: service(), pods: pods, currentEndpoints: first.endpoints,
                                               currentSlices: [extra, kept])
        #expect(actions == [.delete(.endpointSlices, namespace: "default", name: "nginx-bbbbb", uid: "extra-uid")])
    }

    @Test func aServiceWithoutSelectorIsLeftAlone() {
        var manual = service()
        manual["spec"].removeValue(forKey: "selector")
        #expect(EndpointsReconciler.plan(service: manual, pods: pods, currentEndpoints: nil, currentSlices: []).isEmpty)
    }

    @Test func aServiceWithAClusterIPIsNotLabelledHeadless() throws {
        var current = try #require(written(EndpointsReconciler.plan(service: service(), pods: pods, currentEndpoints: nil,
                                                                    currentSlices: [])).endpoints)
        current["metadata"]["resourceVersion"] = "4"
        let actions = EndpointsReconciler.plan(service: service(headless: false), pods: pods, currentEndpoints: current, currentSlices: [])
        guard case .update(.endpoints, let updated) = actions.first else { Issue.record("expected an endpoints update"); return }
        #expect(updated.labels["service.kubernetes.io/headless"] == nil)
    }
}
