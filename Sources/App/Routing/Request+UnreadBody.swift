import Vapor

extension Request {
    /// Reads and drops a body that is still arriving, for a request refused before its body was wanted. Without a
    /// reader, the connection would stop reading (back-pressure) and a client still sending would hang on it; the
    /// bytes are thrown away as they come, so they cost no memory.
    func discardUnreadBody() {
        guard body.data == nil else { return }
        let loop = eventLoop
        body.drain { _ in loop.makeSucceededVoidFuture() }
    }
}
