import APIMachinery
@testable import Resources

/// The examples' `web` StatefulSet: selector app=nginx, serviceName nginx, 2 replicas, one nginx container.
let webStatefulSet: JSON = [
    "apiVersion": "apps/v1", "kind": "StatefulSet",
    "metadata": ["name": "web", "namespace": "default"],
    "spec": [
        "selector": ["matchLabels": ["app": "nginx"]],
        "serviceName": "nginx",
        "replicas": 2,
        "template": [
            "metadata": ["labels": ["app": "nginx"]],
            "spec": ["containers": [["name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24",
                                     "ports": [["containerPort": 80, "name": "web"]]]]],
        ],
    ],
]

/// `object` after the registry's create steps: defaults, then prepareForCreate.
func created(_ object: JSON, by strategy: any ResourceStrategy) -> JSON {
    var copy = object
    strategy.applyDefaults(to: &copy)
    strategy.prepareForCreate(&copy)
    return copy
}

/// `object` with the value at `path` replaced.
func with(_ object: JSON, _ path: [String], _ value: JSON) -> JSON {
    var copy = object
    copy[path: path] = value
    return copy
}
