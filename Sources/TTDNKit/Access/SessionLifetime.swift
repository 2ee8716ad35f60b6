import struct Foundation.Date
import struct Foundation.TimeInterval

/// How long a signed-in session lives on the server, whatever the browser keeps: at most `maximum`
/// after it was created, and not after `idle` without a request. A replayed cookie of an expired
/// session is refused and its row deleted; a clean-up job deletes the rest.
///
/// The last-seen time is written at most every `touchInterval`, so a page view does not cost a database
/// write; the idle limit is therefore exact to within that interval.
public struct SessionLifetime: Sendable, Equatable {
    public var maximum: TimeInterval
    public var idle: TimeInterval
    public var touchInterval: TimeInterval

    public init(maximum: TimeInterval = 12 * 3600, idle: TimeInterval = 4 * 3600, touchInterval: TimeInterval = 300) {
        self.maximum = maximum
        self.idle = idle
        self.touchInterval = touchInterval
    }

    /// A session without a creation time predates these rules and is treated as expired.
    public func isExpired(createdAt: Date?, seenAt: Date?, now: Date) -> Bool {
        guard let createdAt else { return true }
        if createdAt < createdBefore(now) { return true }
        return (seenAt ?? createdAt) < seenBefore(now)
    }

    /// Whether a request at `now` should record itself as the session's last sight.
    public func needsTouch(seenAt: Date?, now: Date) -> Bool {
        guard let seenAt else { return true }
        return now.timeIntervalSince(seenAt) >= touchInterval
    }

    /// Sessions created before this are expired.
    public func createdBefore(_ now: Date) -> Date { now.addingTimeInterval(-maximum) }

    /// Sessions last seen before this are expired.
    public func seenBefore(_ now: Date) -> Date { now.addingTimeInterval(-idle) }
}
