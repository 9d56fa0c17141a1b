import ArgumentParser

/// Flags of the StatefulSet controller beyond pod creation.
struct StatefulSetOptions: ParsableArguments {
    @Option(help: """
        Milliseconds a Parallel StatefulSet's status may trail its pods: after a status write, pod updates are \
        gathered this long into one pass. 0 syncs on every pod update.
        """)
    var statefulsetStatusPeriodMs = 100

    var statusPeriod: Duration { .milliseconds(max(0, statefulsetStatusPeriodMs)) }
}
