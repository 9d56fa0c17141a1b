import DNS
import Logging
import NIOCore
import NIOPosix

/// Serves DNS over UDP and TCP (RFC 1035 §4.2; TCP messages carry a 2-byte length prefix) on one host and port,
/// answering every query from the snapshot `snapshot` returns at that moment.
///
/// Malformed queries get FORMERR; packets without a readable header, and responses, are dropped. A TCP
/// connection stays open for further queries until the peer closes it or sends a zero-length message.
public struct DNSServer: Sendable {
    public let host: String
    public let port: Int
    let group: any EventLoopGroup
    let logger: Logger
    let snapshot: @Sendable () -> ClusterDNS

    public init(host: String = "127.0.0.1", port: Int, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger, snapshot: @escaping @Sendable () -> ClusterDNS) {
        self.host = host
        self.port = port
        self.group = group
        self.logger = logger
        self.snapshot = snapshot
    }

    /// The bound sockets; `port` is the actual port (useful when started with port 0).
    public struct Listening: Sendable {
        public let port: Int
        let udp: any Channel
        let tcp: any Channel

        public func close() async {
            try? await udp.close()
            try? await tcp.close()
        }
    }

    /// Binds UDP, then TCP on the same port (with port 0, the port the UDP socket got; should TCP find that port
    /// taken, a few more ports are tried).
    public func start() async throws -> Listening {
        for _ in 0..<(port == 0 ? 9 : 0) {
            if let listening = try? await bind(port: 0) { return listening }
        }
        return try await bind(port: port)
    }

    private func bind(port: Int) async throws -> Listening {
        let snapshot = self.snapshot
        // No SO_REUSEADDR on UDP: on Linux it would let a second server share the port and steal its queries.
        let udp = try await DatagramBootstrap(group: group)
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 4096))
            .channelOption(.maxMessagesPerRead, value: 16)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DNSDatagramHandler(snapshot: snapshot))
                }
            }
            .bind(host: host, port: port).get()
        let boundPort = udp.localAddress?.port ?? port
        do {
            let tcp = try await ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: .seconds(10)))
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(DNSFrameDecoder()))
                        try channel.pipeline.syncOperations.addHandler(DNSStreamHandler(snapshot: snapshot))
                    }
                }
                .bind(host: host, port: boundPort).get()
            logger.info("DNS listening", metadata: ["address": "\(host):\(boundPort)"])
            return Listening(port: boundPort, udp: udp, tcp: tcp)
        } catch {
            try? await udp.close()
            throw error
        }
    }
}

/// Answers each datagram with one datagram to its sender.
final class DNSDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    let snapshot: @Sendable () -> ClusterDNS

    init(snapshot: @escaping @Sendable () -> ClusterDNS) {
        self.snapshot = snapshot
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard let reply = snapshot().response(to: Array(envelope.data.readableBytesView), overUDP: true) else { return }
        let buffer = context.channel.allocator.buffer(bytes: reply)
        context.writeAndFlush(wrapOutboundOut(AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: buffer)),
                              promise: nil)
    }

    /// Errors on a datagram socket (e.g. ICMP port unreachable from a vanished client) concern one peer only.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {}
}

/// Splits a TCP stream into DNS messages at their 2-byte length prefixes.
struct DNSFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt16.self),
              buffer.readableBytes >= 2 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 2)
        guard let message = buffer.readSlice(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(message))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        .needMoreData
    }
}

/// Answers each framed message on a TCP connection with a framed reply; closes on messages that deserve none
/// and after 10 s without a read (RFC 7766 suggests seconds).
final class DNSStreamHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let snapshot: @Sendable () -> ClusterDNS

    init(snapshot: @escaping @Sendable () -> ClusterDNS) {
        self.snapshot = snapshot
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard let reply = snapshot().response(to: Array(message.readableBytesView), overUDP: false) else {
            context.close(promise: nil)
            return
        }
        var buffer = context.channel.allocator.buffer(capacity: reply.count + 2)
        buffer.writeInteger(UInt16(reply.count))
        buffer.writeBytes(reply)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
