import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// How long a connection may take before the server closes it (issue 13, item 6: with neither limit, 100 idle and 40
/// slow-header connections stayed open for 75 s, each holding a socket and memory).
public struct ConnectionTimeouts: Sendable, Equatable {
    /// From the connection's opening, or from the first byte of a later request on it, to the end of that request's
    /// head (request line and headers). Bytes trickling in do not extend it (a slow-header attack).
    public var headerRead: Duration
    /// No request part read and no response under way for this long: a kept-alive connection nobody uses, or a
    /// request body that stopped arriving (Hummingbird's `idleTimeout`).
    public var idle: Duration

    /// Defaults: 10 s to send a request head, 60 s idle (`HTTP_HEADER_TIMEOUT_MS`, `HTTP_IDLE_TIMEOUT_MS`).
    public init(headerRead: Duration = .seconds(10), idle: Duration = .seconds(60)) {
        self.headerRead = headerRead
        self.idle = idle
    }
}

extension HTTPServerBuilder {
    /// Hummingbird's HTTP/1.1 server with both timeouts: the idle one is Hummingbird's own; the header one is
    /// `HeaderReadDeadline` at the head of each connection's pipeline, told by `RequestHeadSignal` (after the HTTP
    /// decoder) when a request head has been read and when its response has been written.
    static func http1(timeouts: ConnectionTimeouts) -> HTTPServerBuilder {
        .init { responder in
            let configuration = HTTP1Channel.Configuration(additionalChannelHandlers: [RequestHeadSignal()],
                                                           idleTimeout: TimeAmount(timeouts.idle))
            return TimedHTTP1Channel(base: HTTP1Channel(responder: responder, configuration: configuration),
                                     headerRead: TimeAmount(timeouts.headerRead))
        }
    }
}

/// `HTTP1Channel` with `HeaderReadDeadline` in front of its pipeline.
struct TimedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let base: HTTP1Channel
    let headerRead: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        // Called on the channel's event loop, like `HTTP1Channel.setup`, which uses the same synchronous operations.
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(HeaderReadDeadline(timeout: headerRead), position: .first)
        }.flatMap { [base] in
            base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

/// What `RequestHeadSignal` tells `HeaderReadDeadline` (an outbound user event, which travels towards the socket).
enum RequestProgress: Sendable {
    case headRead
    case responseWritten
}

/// Closes the connection when a request head has not arrived within `timeout` of the connection opening, or of the
/// first byte of a later request. Sits first in the pipeline, so it sees raw bytes arrive; the end of each head and of
/// each response it learns from `RequestHeadSignal`. Between requests it waits without a deadline: that is the idle
/// timeout's business.
final class HeaderReadDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private enum Phase { case awaitingHead, inRequest, betweenRequests }

    private let timeout: TimeAmount
    private var phase = Phase.awaitingHead
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if phase == .betweenRequests {
            phase = .awaitingHead
            arm(context)
        }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let progress = event as? RequestProgress else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        switch progress {
        case .headRead:
            phase = .inRequest
            disarm()
        case .responseWritten:
            if phase == .inRequest { phase = .betweenRequests }
        }
        promise?.succeed()
    }

    private func arm(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            deadline = nil
            guard phase == .awaitingHead else { return }
            context.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}

/// After the HTTP decoder: tells `HeaderReadDeadline` when a request head has been read and a response written.
final class RequestHeadSignal: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            context.triggerUserOutboundEvent(RequestProgress.headRead, promise: nil)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let ends: Bool = if case .end = unwrapOutboundIn(data) { true } else { false }
        context.write(data, promise: promise)
        if ends { context.triggerUserOutboundEvent(RequestProgress.responseWritten, promise: nil) }
    }
}
