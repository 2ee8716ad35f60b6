import Foundation

/// What the lines of a signature block look like.
enum SignatureLines {
    /// `TM.`, `T/M`, `KT.`, `K/T`, `TL.`, `T/L`, `TUQ.`, `Q.` followed by a body or a title in capitals.
    static func isAuthority(_ text: String) -> Bool {
        let prefixes = [
            "TM.", "T.M.", "T/M", "KT.", "K.T.", "KT/", "K/T", "TL.", "T.L.", "T/L", "TUQ.", "Q.", "TM ", "KT ",
        ]
        guard let prefix = prefixes.first(where: { text.hasPrefix($0) }) else { return false }
        let rest = text.dropFirst(prefix.count).trimmingWhitespace()
        return !rest.isEmpty && DocumentLayout.isAllCaps(rest)
    }

    /// A title in capitals (`PHÓ CHỦ TỊCH`), or the lower-case `kiêm` that joins two.
    static func isPosition(_ text: String) -> Bool {
        if text == "kiêm" || text == "Kiêm" { return true }
        return DocumentLayout.isAllCaps(text) && !text.contains(where: { $0.isNumber }) && text.count <= 120
    }

    /// A person's name: two to six capitalised words of letters (`Nguyễn Văn Thông`).
    static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count), text.count <= 60 else { return false }
        for word in words {
            guard let first = word.first, first.isUppercase else { return false }
            guard word.allSatisfy({ $0.isLetter }) else { return false }
            if word.count > 1, word.dropFirst().contains(where: { $0.isUppercase }) { return false }
        }
        return true
    }

    /// Placeholders printed where the signature goes.
    static func isPlaceholder(_ text: String) -> Bool {
        let folded = FastFold.fold(text)
        return folded.hasPrefix("(da ky") || folded.hasPrefix("da ky") || folded.hasPrefix("(ky")
            || folded.contains("dong dau")
            || folded.hasPrefix("(chu ky")
    }
}
