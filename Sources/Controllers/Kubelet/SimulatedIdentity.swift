/// Deterministic stand-ins for what a real node would make up: pod IPs, container IDs, image digests.
/// They hash with FNV-1a (Swift's `Hasher` is seeded per process), so the same input gives the same value
/// in every run and every process.
enum SimulatedIdentity {
    /// The pod IP for `uid` inside a node's `podCIDR` (`a.b.c.0/24`): host part `2 + hash(uid) % 253`, so
    /// `.2`…`.254`. The same uid always gets the same IP, which therefore stays stable for the pod's life;
    /// two uids on one node collide with probability 1/253. Nil if `podCIDR` is not an IPv4 /24 prefix.
    static func podIP(uid: String, podCIDR: String) -> String? {
        let octets = podCIDR.split(separator: "/").first?.split(separator: ".") ?? []
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return nil }
        let host = 2 + mixed(fnv1a(uid)) % 253
        return octets.prefix(3).joined(separator: ".") + ".\(host)"
    }

    /// 64 lowercase hex digits derived from `text`, shaped like a sha256 digest.
    static func digest(_ text: String) -> String {
        (0..<4).map { salt in
            let hex = String(fnv1a("\(salt):\(text)"), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// The `containerID` of one run of a container: `containerd://<digest>`.
    static func containerID(podUID: String, container: String, run: Int) -> String {
        "containerd://" + digest("\(podUID)/\(container)/\(run)")
    }

    /// The `imageID` a runtime reports for `image`: the repository with a digest instead of a tag.
    static func imageID(image: String) -> String {
        var repository = Substring(image.split(separator: "@").first ?? "")
        if let colon = repository.lastIndex(of: ":"), !repository[colon...].contains("/") {
            repository = repository[..<colon]
        }
        return "\(repository)@sha256:\(digest(image))"
    }

    /// splitmix64's finalizer: spreads FNV's similar outputs for similar inputs (`uid-1`, `uid-2`) over all bits.
    static func mixed(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
