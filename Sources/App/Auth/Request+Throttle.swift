import Foundation
import TTDNKit
import Vapor

extension Request {
    /// The message for an attempt the throttle refused, in the visitor's language; nil if it was allowed.
    func throttleMessage(_ decision: LoginThrottle.Decision, now: Date) -> String? {
        switch decision {
        case .allowed: nil
        case .wait(let seconds): t("login.error.wait", String(seconds))
        case .locked(let until):
            t("login.error.locked", String(max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))))
        }
    }
}
