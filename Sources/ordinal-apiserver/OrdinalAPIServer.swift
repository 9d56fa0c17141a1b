import ArgumentParser

/// `ordinal-apiserver`: the Kubernetes API for apps/v1 and the core objects StatefulSets need.
///
/// Serving is the default subcommand, so `ordinal-apiserver --port 9090` starts the server; other
/// subcommands print what clients need to reach it.
@main
struct OrdinalAPIServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ordinal-apiserver",
        abstract: "A Kubernetes API server for apps/v1 and core/v1, on an embedded durable store.",
        subcommands: [Serve.self, WriteOpenAPI.self, PrintKubeconfig.self],
        defaultSubcommand: Serve.self)
}
