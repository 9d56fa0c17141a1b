extension ClusterDNS {
    /// The UDP payload size this server advertises and honours from EDNS requesters (the DNS flag day value).
    public static let ednsPayloadSize: UInt16 = 1232

    /// The response to a raw query packet, or nil when the packet deserves none (it is a response itself, or
    /// too short to carry an id). Malformed queries get FORMERR; over UDP, answers larger than 512 bytes (or the
    /// requester's EDNS size, at most `ednsPayloadSize`) are cut to the question with TC set.
    public func response(to packet: [UInt8], overUDP: Bool) -> [UInt8]? {
        guard let header = DNSMessage.peekHeader(packet), header.isQuery else { return nil }
        guard let query = try? DNSMessage(decoding: packet) else {
            var formErr = DNSMessage(id: header.id, isResponse: true, responseCode: .formatError)
            formErr.opcode = UInt8((packet[2] >> 3) & 0x0F)
            return formErr.encoded()
        }
        var response = respond(to: query)
        let edns = query.additionals.first { $0.type == .opt }
        let limit = overUDP ? max(512, Int(min(edns?.recordClass ?? 512, Self.ednsPayloadSize))) : Int(UInt16.max)
        var bytes = response.encoded()
        if bytes.count > limit {
            response.truncated = true
            response.answers = []
            response.authorities = []
            response.additionals = response.additionals.filter { $0.type == .opt }
            bytes = response.encoded()
        }
        return bytes
    }

    /// The answer to a decoded query: NOTIMP for opcodes other than QUERY, FORMERR unless there is exactly one
    /// question, REFUSED outside the cluster and reverse zones (and for classes other than IN), NXDOMAIN for names
    /// in them that do not exist; otherwise the matching records (none for a type the name lacks), with the A
    /// records of SRV targets as additional records.
    public func respond(to query: DNSMessage) -> DNSMessage {
        var response = DNSMessage(id: query.id, isResponse: true, opcode: query.opcode,
                                  recursionDesired: query.recursionDesired, questions: query.questions)
        if query.additionals.contains(where: { $0.type == .opt }) {
            response.additionals = [DNSRecord(name: .root, recordClass: Self.ednsPayloadSize, ttl: 0, data: .other(.opt, []))]
        }
        guard query.opcode == 0 else {
            response.responseCode = .notImplemented
            return response
        }
        guard query.questions.count == 1, let question = query.questions.first else {
            response.responseCode = .formatError
            return response
        }
        guard isAuthoritative(for: question.name), question.recordClass == DNSRecord.classIN || question.recordClass == 255 else {
            response.responseCode = .refused
            return response
        }
        response.authoritative = true
        let (exists, answers) = lookup(question.name, type: question.type)
        guard exists else {
            response.responseCode = .nameError
            return response
        }
        response.answers = answers
        response.additionals = additionalRecords(for: answers) + response.additionals
        return response
    }

    /// The A records of the SRV targets among `answers`.
    private func additionalRecords(for answers: [DNSRecord]) -> [DNSRecord] {
        var targets: [DNSName] = []
        for case .srv(_, _, _, let target) in answers.map(\.data) where !targets.contains(target) { targets.append(target) }
        return targets.flatMap { lookup($0, type: .a).records }
    }
}
