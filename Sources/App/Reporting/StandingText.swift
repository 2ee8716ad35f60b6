import TTDNKit
import Vapor

/// A report's standing in words: when it was sent and where its review stands, each named, in the
/// reader's language. One function, so the dashboard, the report page and the home pages say the same.
enum StandingText {
    /// "Gửi lại trễ hạn", "Chờ gửi lại, hạn 25/09/2025" …
    static func sending(_ standing: ReportStanding, _ req: Request) -> String {
        let key = "report.sending.\(standing.sending.rawValue)"
        guard standing.sending == .resendDue || standing.sending == .resendOverdue else { return req.t(key) }
        // A report returned before deadlines were kept has none to show.
        guard let by = standing.resendBy else { return req.t(key + ".undated") }
        return req.t(key, Formatting.date(by, req.locale))
    }

    /// "Chờ duyệt", "Đã trả lại", "Đã chấp nhận"; nil when nothing was sent.
    static func review(_ standing: ReportStanding, _ req: Request) -> String? {
        standing.review == .none ? nil : req.t("report.review.\(standing.review.rawValue)")
    }

    /// Both, as one line: "Gửi lại trễ hạn · Đã chấp nhận".
    static func line(_ standing: ReportStanding, _ req: Request) -> String {
        [sending(standing, req), review(standing, req)].compactMap { $0 }.joined(separator: " · ")
    }
}

extension Obligation {
    /// Where this obligation's report stands now (`ReportStanding`), from its submission if any.
    func standing(_ submission: Submission?, now: Date) -> ReportStanding {
        ReportStanding.of(opensOn: opens, due: due, history: submission?.history ?? .init(), now: now)
    }
}
