import APIMachinery

/// Every kind Ordinal serves, in discovery order. Each entry is defined next to its strategy.
public enum Catalogue {
    public static var all: [ResourceDefinition] {
        AppsKinds.all + CoreKinds.all + RBACKinds.all
    }
}

/// apps/v1 kinds (StatefulSet, Deployment, ReplicaSet, DaemonSet, ControllerRevision) and core/v1 Pod.
public enum AppsKinds {
    public static var all: [ResourceDefinition] {
        [StatefulSetKind.definition, DeploymentKind.definition, ReplicaSetKind.definition, DaemonSetKind.definition,
         ControllerRevisionKind.definition, PodKind.definition]
    }
}

/// core/v1 kinds other than Pod, storage.k8s.io/v1 StorageClass and discovery.k8s.io/v1 EndpointSlice.
public enum CoreKinds {
    public static var all: [ResourceDefinition] {
        [
            .namespace, .node, .persistentVolumeClaim, .persistentVolume, .service, .endpoints, .event,
            .configMap, .secret, .storageClass, .endpointSlice,
        ]
    }
}
