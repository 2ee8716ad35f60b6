import Foundation
import TTDNKit

extension SiteLanguageRecord: Versioned {
    static let auditType = "site_language"
    static var revision: Revision? { .site }
    var auditLabel: String { "\(tag) \(nativeName)" }
    var auditFields: [String: String] {
        [
            "tag": tag, "native_name": nativeName, "vietnamese_name": vietnameseName, "position": String(position),
            "enabled": String(enabled),
        ]
    }
}

extension Topic: Versioned {
    static let auditType = "topic"
    static var revision: Revision? { .site }
    var auditLabel: String { name }
    var auditFields: [String: String] {
        ["slug": slug, "name": name, "names": namesJSON, "position": String(position)]
    }
}

extension Article: Versioned {
    static let auditType = "article"
    static var revision: Revision? { .site }
    var auditLabel: String { id?.uuidString ?? "" }
    var auditFields: [String: String] {
        [
            "channel": channel, "lead_image_id": leadImageID?.uuidString ?? "",
            "last_significant": String(lastSignificant),
        ]
    }
}

extension ArticleTopic: Auditable {
    static let auditType = "article_topic"
    var auditLabel: String { $article.id.uuidString }
    var auditFields: [String: String] { ["article_id": $article.id.uuidString, "topic_id": $topic.id.uuidString] }
}

extension ArticleVersion: Versioned {
    static let auditType = "article_version"
    static var revision: Revision? { .site }
    var auditLabel: String { "[\(language)] \(title)" }
    var auditFields: [String: String] {
        [
            "article_id": $article.id.uuidString, "language": language, "title": title, "summary": summary,
            "body": body, "slug": slug, "image_alt": imageAlt, "image_caption": imageCaption, "state": state,
            "revision": String(revision), "source_revision": sourceRevision.map(String.init) ?? "",
            "classified": String(classified), "publish_at": publishAt.map(Self.stamp) ?? "",
            "unpublish_at": unpublishAt.map(Self.stamp) ?? "", "live_revision": liveRevision.map(String.init) ?? "",
        ]
    }

    static func stamp(_ date: Date) -> String { InternetTime.string(date) }
}

extension ArticleRevision: Auditable {
    static let auditType = "article_revision"
    var auditLabel: String { "\(title) #\(number)" }
    var auditFields: [String: String] {
        [
            "version_id": $version.id.uuidString, "number": String(number), "significant": String(significant),
            "source_revision": sourceRevision.map(String.init) ?? "", "note": note,
        ]
    }
}

extension EditorialEvent: Auditable {
    static let auditType = "editorial_event"
    var auditLabel: String { move }
    var auditFields: [String: String] {
        [
            "version_id": $version.id.uuidString, "move": move, "from_state": fromState, "to_state": toState,
            "revision": String(revision), "comment": comment,
            "publish_at": publishAt.map(ArticleVersion.stamp) ?? "",
        ]
    }
}

extension SecurityCheckRecord: Auditable {
    static let auditType = "security_check"
    var auditLabel: String { decision }
    var auditFields: [String: String] {
        [
            "version_id": $version.id.uuidString, "revision": String(revision), "decision": decision,
            "flagged_terms": flaggedTerms, "sign_off": signOff ?? "",
        ]
    }
}

extension SensitiveTerm: Auditable {
    static let auditType = "sensitive_term"
    var auditLabel: String { term }
    var auditFields: [String: String] { ["term": term] }
}

extension ArticleImage: Auditable {
    static let auditType = "article_image"
    var auditLabel: String { filename }
    var auditFields: [String: String] {
        [
            "article_id": $article.id.uuidString, "filename": filename, "content_type": contentType,
            "width": String(width), "height": String(height), "size": String(size), "sha256": sha256,
        ]
    }
}
