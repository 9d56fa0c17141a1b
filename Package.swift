// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Ordinal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ordinal-apiserver", targets: ["ordinal-apiserver"]),
        .executable(name: "ordinal-controller-manager", targets: ["ordinal-controller-manager"]),
        .library(name: "KubeClient", targets: ["KubeClient"]),
        .executable(name: "ordinal-bare-responder", targets: ["ordinal-bare-responder"]),
        .executable(name: "ordinal-loadgen", targets: ["ordinal-loadgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // The only C: libmicrohttpd with a shim for its variadic start function, and SQLite.
        .target(name: "CMicroHTTPD", linkerSettings: [.linkedLibrary("microhttpd")]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        .target(name: "APIMachinery", dependencies: [
            .product(name: "OrderedCollections", package: "swift-collections"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Store", dependencies: [
            "CSQLite",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "HTTPServer", dependencies: [
            "CMicroHTTPD",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Resources", dependencies: ["APIMachinery"]),
        // Decodes application/vnd.kubernetes.protobuf request bodies into JSON objects.
        .target(name: "KubeProtobuf", dependencies: ["APIMachinery"]),
        .target(name: "APIServer", dependencies: [
            "APIMachinery", "Store", "HTTPServer", "Resources", "KubeProtobuf",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "KubeClient", dependencies: [
            "APIMachinery",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "DequeModule", package: "swift-collections"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Controllers", dependencies: [
            "APIMachinery", "KubeClient",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // DNS wire format and answers, pure; DNSServer serves them over UDP/TCP from the informers' caches.
        .target(name: "DNS", dependencies: ["APIMachinery"]),
        .target(name: "DNSServer", dependencies: [
            "DNS", "APIMachinery", "KubeClient",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // What the executables share on their command lines.
        .target(name: "CommandLineSupport", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "ordinal-controller-manager", dependencies: [
            "Controllers", "KubeClient", "DNS", "DNSServer", "CommandLineSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "ordinal-apiserver", dependencies: [
            "APIServer", "Store", "HTTPServer", "CommandLineSupport",
            .product(name: "Yams", package: "Yams"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // A fixed-body server on HTTPServer: the baseline for benchmarks.
        .executableTarget(name: "ordinal-bare-responder", dependencies: ["HTTPServer"]),
        // Drives the API server for the benchmarks in bench/: creates, updates and watch fan-out.
        .executableTarget(name: "ordinal-loadgen", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),

        .testTarget(name: "APIMachineryTests", dependencies: ["APIMachinery"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "ResourcesTests", dependencies: ["Resources", "APIMachinery"]),
        .testTarget(name: "APIServerTests", dependencies: ["APIServer", "Store", "HTTPServer", "APIMachinery"]),
        .testTarget(name: "KubeClientTests", dependencies: ["KubeClient", "APIServer", "Store", "HTTPServer", "APIMachinery"]),
        .testTarget(name: "DNSTests", dependencies: ["DNS", "DNSServer", "APIMachinery", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "KubeProtobufTests", dependencies: ["KubeProtobuf", "APIMachinery"], exclude: ["Fixtures"]),
        .testTarget(name: "ControllersTests", dependencies: ["Controllers", "KubeClient", "APIMachinery"]),
    ]
)

// Fuzz targets, built only for `scripts/fuzz` (ORDINAL_FUZZ=1) with libFuzzer and AddressSanitizer.
if Context.environment["ORDINAL_FUZZ"] == "1" {
    package.targets.append(.target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"))
    package.targets.append(.executableTarget(name: "ordinal-fuzz", dependencies: [
        "CLibFuzzer", "APIMachinery", "APIServer", "DNS", "HTTPServer", "Resources", "Store",
        .product(name: "Logging", package: "swift-log"),
    ], path: "Fuzz/ordinal-fuzz"))
}
