/// What the decoder knows of one protobuf message of the Kubernetes API: for each field number, the JSON
/// name and how to read the value. Tables are written from the field numbers in k8s.io/api's and
/// k8s.io/apimachinery's `generated.proto`.
public struct MessageSchema: Sendable {
    /// The protobuf message name, e.g. `k8s.io.api.core.v1.Container` (used in error messages).
    public let name: String
    public let fields: [Int: Field]

    public init(_ name: String, _ fields: [Field]) {
        self.name = name
        self.fields = Dictionary(fields.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// How a field's value is turned into JSON.
public indirect enum FieldType: Sendable, Equatable {
    case string
    case bool
    case int32
    case int64
    /// `bytes`: base64 in JSON, as Go's encoding/json writes `[]byte`.
    case bytes
    /// A nested message, by the name of its schema in `SchemaRegistry`.
    case message(String)
    /// A message embedded in Go with `json:",inline"`: its fields join the parent's JSON object.
    case inline(String)
    /// `metav1.Time`: seconds + nanos, written as RFC 3339 with whole seconds.
    case time
    /// `metav1.MicroTime`: written as RFC 3339 with microseconds.
    case microTime
    /// `intstr.IntOrString`: type 0 → a JSON number, type 1 → a JSON string.
    case intOrString
    /// `resource.Quantity`: its canonical string.
    case quantity
    /// `runtime.RawExtension` / `metav1.FieldsV1`: field 1 holds raw JSON bytes, decoded as JSON.
    case rawJSON
}

/// One field of a message.
public struct Field: Sendable {
    public enum Cardinality: Sendable, Equatable {
        case single
        case repeated
        /// `map<string, value>`: entries are messages with the key in field 1 and the value in field 2.
        case map(value: FieldType)
    }

    public let number: Int
    public let name: String
    public let type: FieldType
    public let cardinality: Cardinality
    /// True for Go pointer fields (`*int32`, `*bool`, `*string`, `*IntOrString`): a zero value on the wire was
    /// set on purpose and is kept. Go's protobuf encoder writes non-pointer scalars even when they are zero,
    /// and Go's JSON encoder omits those zeros (`omitempty`), so the decoder drops them.
    public let keepsZero: Bool

    public init(_ number: Int, _ name: String, _ type: FieldType, _ cardinality: Cardinality = .single, keepsZero: Bool = false) {
        self.number = number
        self.name = name
        self.type = type
        self.cardinality = cardinality
        self.keepsZero = keepsZero
    }
}

// A compact vocabulary for the schema tables.
extension Field {
    static func string(_ number: Int, _ name: String) -> Field { Field(number, name, .string) }
    static func optionalString(_ number: Int, _ name: String) -> Field { Field(number, name, .string, keepsZero: true) }
    static func strings(_ number: Int, _ name: String) -> Field { Field(number, name, .string, .repeated) }
    static func stringMap(_ number: Int, _ name: String) -> Field { Field(number, name, .string, .map(value: .string)) }
    static func bool(_ number: Int, _ name: String) -> Field { Field(number, name, .bool) }
    static func optionalBool(_ number: Int, _ name: String) -> Field { Field(number, name, .bool, keepsZero: true) }
    static func int32(_ number: Int, _ name: String) -> Field { Field(number, name, .int32) }
    static func optionalInt32(_ number: Int, _ name: String) -> Field { Field(number, name, .int32, keepsZero: true) }
    static func int64(_ number: Int, _ name: String) -> Field { Field(number, name, .int64) }
    static func optionalInt64(_ number: Int, _ name: String) -> Field { Field(number, name, .int64, keepsZero: true) }
    static func message(_ number: Int, _ name: String, _ type: String) -> Field { Field(number, name, .message(type)) }
    static func messages(_ number: Int, _ name: String, _ type: String) -> Field { Field(number, name, .message(type), .repeated) }
    static func inline(_ number: Int, _ type: String) -> Field { Field(number, "", .inline(type)) }
    static func time(_ number: Int, _ name: String) -> Field { Field(number, name, .time) }
    static func intOrString(_ number: Int, _ name: String) -> Field { Field(number, name, .intOrString) }
    static func optionalIntOrString(_ number: Int, _ name: String) -> Field { Field(number, name, .intOrString, keepsZero: true) }
    static func quantity(_ number: Int, _ name: String) -> Field { Field(number, name, .quantity) }
    static func quantityMap(_ number: Int, _ name: String) -> Field { Field(number, name, .quantity, .map(value: .quantity)) }
}
