/// k8s.io/apimachinery/pkg/apis/meta/v1 messages used inside objects.
enum MetaSchemas {
    static let package = "k8s.io.apimachinery.pkg.apis.meta.v1."

    static let all: [String: MessageSchema] = [
        "ObjectMeta": MessageSchema(package + "ObjectMeta", [
            .string(1, "name"), .string(2, "generateName"), .string(3, "namespace"), .string(4, "selfLink"),
            .string(5, "uid"), .string(6, "resourceVersion"), .int64(7, "generation"),
            .time(8, "creationTimestamp"), .time(9, "deletionTimestamp"),
            .optionalInt64(10, "deletionGracePeriodSeconds"),
            .stringMap(11, "labels"), .stringMap(12, "annotations"),
            .messages(13, "ownerReferences", "OwnerReference"), .strings(14, "finalizers"),
            .messages(17, "managedFields", "ManagedFieldsEntry"),
        ]),
        "OwnerReference": MessageSchema(package + "OwnerReference", [
            .string(5, "apiVersion"), .string(1, "kind"), .string(3, "name"), .string(4, "uid"),
            .optionalBool(6, "controller"), .optionalBool(7, "blockOwnerDeletion"),
        ]),
        "ManagedFieldsEntry": MessageSchema(package + "ManagedFieldsEntry", [
            .string(1, "manager"), .string(2, "operation"), .string(3, "apiVersion"), .time(4, "time"),
            .string(6, "fieldsType"), Field(7, "fieldsV1", .rawJSON), .string(8, "subresource"),
        ]),
        "LabelSelector": MessageSchema(package + "LabelSelector", [
            .stringMap(1, "matchLabels"), .messages(2, "matchExpressions", "LabelSelectorRequirement"),
        ]),
        "LabelSelectorRequirement": MessageSchema(package + "LabelSelectorRequirement", [
            .string(1, "key"), .string(2, "operator"), .strings(3, "values"),
        ]),
        "DeleteOptions": MessageSchema(package + "DeleteOptions", [
            .optionalInt64(1, "gracePeriodSeconds"), .message(2, "preconditions", "Preconditions"),
            .optionalBool(3, "orphanDependents"), .optionalString(4, "propagationPolicy"), .strings(5, "dryRun"),
        ]),
        "Preconditions": MessageSchema(package + "Preconditions", [
            .optionalString(1, "uid"), .optionalString(2, "resourceVersion"),
        ]),
        "Condition": MessageSchema(package + "Condition", [
            .string(1, "type"), .string(2, "status"), .int64(3, "observedGeneration"),
            .time(4, "lastTransitionTime"), .string(5, "reason"), .string(6, "message"),
        ]),
    ]
}
