import Foundation

/// The footer: `Nơi nhận:` and its list, and the signature block (authority, position, name), in
/// whichever order the converter put the two table cells.
enum TrailerParser {
    static func parse(_ lines: [SourceLine]) -> (recipients: [String], signer: Signer) {
        var recipients: [String] = []
        var authority: [String] = []
        var position: [String] = []
        var name: String?
        var inRecipients = false
        var seenRecipients = false
        for line in lines {
            let text = line.text
            if DocumentLayout.isRecipientsHeading(text) {
                inRecipients = true
                seenRecipients = true
                if let colon = text.firstIndex(of: ":") {
                    let inline = text[text.index(after: colon)...].trimmingWhitespace()
                    for item in inline.components(separatedBy: " - ") where !clean(item).isEmpty {
                        recipients.append(item)
                    }
                }
                continue
            }
            // A scan's columns unfolded row by row can put the signature block inside the list; a bullet
            // after it is still a recipient, never part of a signature.
            if line.bullet, seenRecipients { inRecipients = true }
            if inRecipients {
                if line.bullet {
                    recipients.append(text)
                    continue
                }
                let first = text.first
                let signatureLike =
                    SignatureLines.isAuthority(text) || SignatureLines.isPosition(text)
                    || (SignatureLines.isPersonName(text)
                        && !(recipients.last.map { $0.hasSuffix(",") || $0.hasSuffix(";") } ?? false))
                if !signatureLike {
                    if first?.isLowercase == true, !recipients.isEmpty {
                        recipients[recipients.count - 1] += " " + text
                    } else {
                        recipients.append(text)
                    }
                    continue
                }
                inRecipients = false
            }
            if SignatureLines.isPlaceholder(text) { continue }
            if SignatureLines.isAuthority(text) {
                if name == nil && position.isEmpty { authority.append(text) }
                continue
            }
            if name == nil, SignatureLines.isPosition(text) {
                position.append(text)
                continue
            }
            if SignatureLines.isPersonName(text), !position.isEmpty || !authority.isEmpty {
                name = text
            }
        }
        var signer = Signer()
        signer.name = name
        signer.authority = authority.isEmpty ? nil : authority.joined(separator: " ")
        let joined = position.joined(separator: " ")
        signer.position = joined.isEmpty ? nil : joined
        return (recipients.map(clean).filter { !$0.isEmpty }, signer)
    }

    /// Drops bullets and the closing `;`, `,`, `.` of a recipient line, keeping `Lưu: VT`.
    static func clean(_ text: String) -> String {
        var s = text.trimmingWhitespace()
        while let first = s.first, "-+•–*".contains(first) || first.isWhitespace { s.removeFirst() }
        while let last = s.last, ";,.".contains(last) || last.isWhitespace { s.removeLast() }
        return s
    }
}
